#include "http/response_head.h"

#include <fmt/format.h>

#include <array>

#include "http/ascii.h"

namespace bdp::http {
namespace {

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_server_owned(std::string_view name) {
  constexpr std::array<std::string_view, 6> kOwned = {
      "date", "server", "content-length", "transfer-encoding", "connection", "keep-alive"};
  for (std::string_view owned : kOwned) {
    if (iequals(name, owned)) return true;
  }
  return false;
}

}  // namespace

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

bool is_valid_field(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!is_token_char(c)) return false;
  }
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool status_forbids_body(int status) {
  return status < 200 || status == 204 || status == 304;
}

void append_response_head(std::string& out, const Response& response, const HeadInfo& info) {
  fmt::format_to(std::back_inserter(out), "HTTP/1.{} {} {}\r\nDate: {}\r\nServer: bdp\r\n",
                 info.version == 10 ? 0 : 1, response.status, reason_phrase(response.status),
                 info.date);
  if (!status_forbids_body(response.status)) {
    fmt::format_to(std::back_inserter(out), "Content-Length: {}\r\n", info.content_length);
  }
  if (!info.keep_alive) {
    out.append("Connection: close\r\n");
  } else if (info.version == 10) {
    out.append("Connection: keep-alive\r\n");
  }
  for (const auto& [name, value] : response.headers) {
    if (is_server_owned(name)) continue;
    out.append(name).append(": ").append(value).append("\r\n");
  }
  out.append("\r\n");
}

}  // namespace bdp::http
