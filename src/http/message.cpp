#include "http/message.h"

#include "http/ascii.h"
#include "http/cookie.h"

namespace bdp::http {
namespace {

std::optional<std::string_view> find_header(const Headers& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return std::string_view(v);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view name) const {
  return find_header(headers, name);
}

std::string Request::param(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  // HTTP/2 proxies may split cookies over several header lines: read each.
  for (const auto& [k, v] : headers) {
    if (!iequals(k, "cookie")) continue;
    if (auto value = cookie_value(v, name)) return value;
  }
  return std::nullopt;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (iequals(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  return find_header(headers, name);
}

void Response::add_vary(std::string_view field) {
  const auto vary = header("vary");
  if (!vary) {
    headers.emplace_back("vary", std::string(field));
    return;
  }
  std::string_view rest = *vary;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = trim_ows(rest.substr(0, comma));
    if (item == "*" || iequals(item, field)) return;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  set_header("vary", std::string(*vary) + ", " + std::string(field));
}

Response text_response(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.set_header("content-type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

Response redirect(int status, std::string location) {
  Response r;
  r.status = status;
  r.set_header("location", std::move(location));
  return r;
}

}  // namespace bdp::http
