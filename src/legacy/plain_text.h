// White space and case handling of page text, shared by both page parsers. Inputs are UTF-8
// (invalid sequences are kept byte for byte); pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bdp::legacy {

// `text` without leading and trailing white space (ASCII space, tab, CR, LF, FF, VT, NBSP).
std::string_view trim(std::string_view text);

// `text` trimmed, with every run of white space (NBSP included) replaced by one space.
std::string collapse_spaces(std::string_view text);

// Case-folded, trimmed, space-collapsed `text`, for comparing labels and names
// ("  Miejscowość " and "MIEJSCOWOŚĆ" fold to the same string).
std::string fold(std::string_view text);

// Lines of `text`, split on LF, CRLF or CR; the separators are not kept.
std::vector<std::string_view> split_lines(std::string_view text);

// True when `text` starts with `prefix`, comparing folded forms (for "Tel." vs "tel").
bool starts_with_folded(std::string_view text, std::string_view prefix);

}  // namespace bdp::legacy
