// Reader of the "Osoby kontaktowe" block: several lines per person (name, position, "tel.",
// "e@mail:"), several persons per block. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "legacy/legacy_page.h"

namespace bdp::legacy {

// `lines`: the value after the label, then each continuation line, trimmed; "" marks a blank
// line (a hint that a new person starts). Appends to `warnings` what it could not place
// (a second e-mail, a person with no name); never drops text silently.
std::vector<Contact> read_contacts(const std::vector<std::string>& lines,
                                   std::vector<Warning>& warnings);

// True for "Jan Kowalski", "mgr inż. Anna Nowak-Zielińska": two to four capitalised words after
// optional academic titles, no digits.
bool looks_like_name(std::string_view line);

}  // namespace bdp::legacy
