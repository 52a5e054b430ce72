// libFuzzer target: the decoders of what a client sends besides the framing: the request
// target (path and query), the Cookie header and an urlencoded form body.
// Properties: a decoded path starts with '/' and is valid UTF-8 without NUL; every decoded
// query or form name and value is valid UTF-8; a cookie value found is part of the header.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "http/cookie.h"
#include "http/form.h"
#include "http/target.h"
#include "http/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string path;
  std::multimap<std::string, std::string> query;
  if (bdp::http::parse_target(input, path, query)) {
    if (path.empty() || path.front() != '/' || !bdp::http::is_valid_utf8(path) ||
        path.find('\0') != std::string::npos) {
      __builtin_trap();
    }
    for (const auto& [name, value] : query) {
      if (!bdp::http::is_valid_utf8(name) || !bdp::http::is_valid_utf8(value)) __builtin_trap();
    }
  }
  if (auto value = bdp::http::cookie_value(input, "bdp_session")) {
    if (input.find(*value) == std::string_view::npos) __builtin_trap();
  }
  bdp::http::Request form;
  form.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
  form.body.assign(input);
  if (auto fields = bdp::http::parse_form(form, 1 << 16)) {
    for (const auto& [name, value] : *fields) {
      if (!bdp::http::is_valid_utf8(name) || !bdp::http::is_valid_utf8(value)) __builtin_trap();
    }
  }
  return 0;
}
