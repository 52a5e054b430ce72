// Plain-text helpers shared by the modules: ASCII white space (space, tab, CR, LF) around or
// instead of text, as forms and old pages leave it.
#pragma once

#include <string>
#include <string_view>

namespace bdp {

inline constexpr std::string_view kAsciiSpace = " \t\r\n";

// True when `text` is empty or only white space.
inline bool is_blank(std::string_view text) {
  return text.find_first_not_of(kAsciiSpace) == std::string_view::npos;
}

// `text` without the white space around it.
inline std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(kAsciiSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kAsciiSpace);
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace bdp
