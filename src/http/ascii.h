// ASCII helpers for protocol text (header names, tokens): locale-independent, no allocation
// except to_lower_ascii's result.
#pragma once

#include <string>
#include <string_view>

namespace bdp::http {

constexpr char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// Case-insensitive ASCII equality (header names, codings, media types).
bool iequals(std::string_view a, std::string_view b);

// True when `text` begins with `prefix`, ASCII case-insensitively.
bool istarts_with(std::string_view text, std::string_view prefix);

// `text` without leading and trailing spaces and tabs (optional whitespace of RFC 9110).
std::string_view trim_ows(std::string_view text);

// Appends `text` lower-cased (ASCII only) to `out`.
void append_lower_ascii(std::string& out, std::string_view text);

}  // namespace bdp::http
