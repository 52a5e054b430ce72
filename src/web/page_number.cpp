#include "web/page_number.h"

#include <charconv>

#include "core/url.h"

namespace bdp::web {

std::optional<int> page_number(const http::Request& request) {
  const auto text = request.param("strona");
  if (text.empty()) return 1;
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > 100000)
    return std::nullopt;
  return n;
}

std::optional<std::string> target_with_page_renamed(const http::Request& request) {
  if (!request.query.contains("page")) return std::nullopt;
  std::string out = request.path;
  char separator = '?';
  for (const auto& [name, value] : request.query) {
    out += separator;
    out += percent_encode(name == "page" ? "strona" : name);
    out += '=';
    out += percent_encode(value);
    separator = '&';
  }
  return local_redirect_target(out);
}

}  // namespace bdp::web
