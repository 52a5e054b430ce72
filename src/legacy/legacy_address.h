// Old portal addresses: index.php?p1=<section>&p2=<subsection>&art=<practice id>&s=<tab>
// (DESIGN.md §1.3a). Pure functions over untrusted input, thread-safe; nothing throws.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace bdp::legacy {

// The tabs of an old practice page, as numbered by the `s` parameter.
inline constexpr int tab_summary = 1;       // "Skrót i Metryka" (the default view)
inline constexpr int tab_presentation = 2;  // "Pełna prezentacja"
inline constexpr int tab_attachments = 3;   // "Załączniki"

struct LegacyAddress {
  std::int64_t art = 0;   // old practice id, > 0; imported practices keep it as their id
  int tab = tab_summary;  // one of the tab_* values; a missing or unknown `s` means tab_summary
  std::string p1, p2;     // old section / subsection parameters, "" when absent
  bool operator==(const LegacyAddress&) const = default;
};

// The address named by decoded query parameters; nullopt unless `art` is a positive decimal
// integer (at most 18 digits). The first value of a repeated parameter wins.
std::optional<LegacyAddress> parse_legacy_address(
    const std::multimap<std::string, std::string>& query);

// The same from a raw link target ("index.php?p1=6&amp;p2=1&art=412&s=2", absolute or
// relative); "&amp;" left by a text dump is accepted. nullopt when it is no practice address.
std::optional<LegacyAddress> parse_legacy_href(std::string_view href);

// The old id carried by a dump's file name: "art412.txt", "art_412.txt", "art-412.html",
// "art=412.htm" (case-insensitive); nullopt otherwise ("000_1196ef917f521a9f.txt").
std::optional<std::int64_t> art_from_file_name(std::string_view file_name);

}  // namespace bdp::legacy
