// Cookies (RFC 6265): reading one from a request's Cookie header, and building Set-Cookie
// values with the attributes that keep a session cookie safe. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bdp::http {

// The value of the first cookie `name` in a Cookie header ("a=1; lang=pl"), quotes removed;
// nullopt when absent. Names compare exactly (cookie names are case-sensitive).
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

enum class SameSite { lax, strict };

struct SetCookie {
  std::string name;   // REQUIRES: an RFC 6265 token
  std::string value;  // REQUIRES: cookie-octets only (no space, quote, comma, semicolon, \)
  std::string path = "/";
  std::optional<long long> max_age;  // seconds; 0 deletes; nullopt: a browser-session cookie
  bool http_only = true;
  bool secure = false;  // set when the site is served over https
  SameSite same_site = SameSite::lax;
};

// "name=value; Path=/; Max-Age=N; HttpOnly; Secure; SameSite=Lax". nullopt when the name or
// value breaks the REQUIRES above (it could inject attributes).
std::optional<std::string> set_cookie_header(const SetCookie& cookie);

}  // namespace bdp::http
