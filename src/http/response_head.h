// Serialisation of a response's status line and header fields (the body is written apart, so it
// is never copied).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.h"

namespace bdp::http {

struct HeadInfo {
  int version = 11;                // 10 for HTTP/1.0, 11 for HTTP/1.1
  bool keep_alive = true;          // false adds "Connection: close"
  std::size_t content_length = 0;  // sent unless the status forbids a body (1xx, 204, 304)
  std::string_view date;           // IMF-fixdate, see http_date.h
};

// The standard reason phrase of `status` ("Not Found"), or "Unknown" for unlisted codes.
std::string_view reason_phrase(int status);

// True when `name` is an RFC 9110 token and `value` holds no CR, LF or NUL, i.e. the field
// cannot split the response (header injection).
bool is_valid_field(std::string_view name, std::string_view value);

// True when a response with `status` carries no body and no Content-Length (1xx, 204, 304).
bool status_forbids_body(int status);

// Appends the status line, Date, Server: bdp, Content-Length, Connection and the handler's
// fields to `out`, then the blank line. The handler's own date, server, content-length,
// transfer-encoding, connection and keep-alive fields are skipped: the server owns them.
// REQUIRES: every field of `response` satisfies is_valid_field().
void append_response_head(std::string& out, const Response& response, const HeadInfo& info);

}  // namespace bdp::http
