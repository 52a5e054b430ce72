#include "http/cookie.h"

#include <algorithm>

#include "http/ascii.h"
#include "http/response_head.h"

namespace bdp::http {
namespace {

bool is_cookie_octet(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u == 0x21 || (u >= 0x23 && u <= 0x2B) || (u >= 0x2D && u <= 0x3A) ||
         (u >= 0x3C && u <= 0x5B) || (u >= 0x5D && u <= 0x7E);
}

bool is_path_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x7F && c != ';';
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = std::min(header.find(';'), header.size());
    const auto pair = trim_ows(header.substr(0, end));
    header.remove_prefix(std::min(end + 1, header.size()));
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || trim_ows(pair.substr(0, eq)) != name) continue;
    auto value = trim_ows(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::optional<std::string> set_cookie_header(const SetCookie& c) {
  const bool name_ok = !c.name.empty() && is_valid_field(c.name, "");
  const bool value_ok = std::all_of(c.value.begin(), c.value.end(), is_cookie_octet);
  const bool path_ok = std::all_of(c.path.begin(), c.path.end(), is_path_char);
  if (!name_ok || !value_ok || !path_ok) return std::nullopt;
  std::string out = c.name + "=" + c.value;
  if (!c.path.empty()) out += "; Path=" + c.path;
  if (c.max_age) out += "; Max-Age=" + std::to_string(*c.max_age);
  if (c.http_only) out += "; HttpOnly";
  if (c.secure) out += "; Secure";
  out += c.same_site == SameSite::strict ? "; SameSite=Strict" : "; SameSite=Lax";
  return out;
}

}  // namespace bdp::http
