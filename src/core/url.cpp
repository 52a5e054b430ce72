#include "core/url.h"

#include <fmt/format.h>

#include <cctype>

namespace bdp {

std::string percent_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace bdp

namespace bdp {

std::string local_redirect_target(std::string_view target) {
  const bool rooted = target.size() >= 1 && target[0] == '/' &&
                      (target.size() == 1 || (target[1] != '/' && target[1] != '\\'));
  if (!rooted) return "/";
  std::string out;
  out.reserve(target.size());
  for (unsigned char c : target) {
    if (c < 0x20 || c == 0x7f || c == '\\') return "/";
    if (c >= 0x80 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
        c == '}' || c == '|' || c == '^') {
      out += fmt::format("%{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string safe_href(std::string_view url) {
  std::string lower;
  for (unsigned char c : url.substr(0, 16)) lower += static_cast<char>(std::tolower(c));
  for (std::string_view scheme : {"http://", "https://", "mailto:"}) {
    if (lower.starts_with(scheme)) return std::string(url);
  }
  // Relative: no scheme (no ':' before the first '/', '?' or '#'), no control characters.
  const auto colon = url.find(':');
  const auto stop = url.find_first_of("/?#");
  if (colon != std::string_view::npos && (stop == std::string_view::npos || colon < stop))
    return "";
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7f) return "";
  }
  return std::string(url);
}

}  // namespace bdp
