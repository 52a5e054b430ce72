// Checks of the links of "Inne bazy danych", shared by both engines and by the back office's
// form (which shows the problem translated). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "model/link.h"

namespace bdp {

// True for an absolute http:// or https:// URL (scheme in any case) of printable ASCII, at
// most 2000 bytes, with a host of letters, digits, '.', '-' (or an [IPv6] literal) and an
// optional :port; no user name or password ("https://bank@evil.example/" is refused).
bool is_link_url(std::string_view url);

// What is wrong with a link, the first problem found, for a message naming the field.
enum class LinkProblem {
  name,         // empty, over 200 bytes, not UTF-8, or with control characters
  url,          // not is_link_url
  description,  // over 2000 bytes, not UTF-8, or control characters besides LF, CR, tab
  language,     // not 2-3 lowercase ASCII letters
  category,     // over 100 bytes, not UTF-8, or with control characters
  position,     // negative
  check,        // a status outside 0-999, an error over 200 bytes or not printable ASCII,
                // a negative time
};
std::optional<LinkProblem> find_link_problem(const Link& link);

// Errors (invalid_input, naming the field and what is allowed): find_link_problem's first.
Status validate_link(const Link& link);

// `error` as a check result is stored: bytes outside printable ASCII become '?', cut to 200.
std::string printable_check_error(std::string_view error);

}  // namespace bdp
