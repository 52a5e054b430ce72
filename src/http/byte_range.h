// Range requests (RFC 9110 §14) for one representation of a known size: which bytes to send
// and with which status. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace bdp::http {

struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t length = 0;
  bool operator==(const ByteRange&) const = default;
};

// What to answer a GET of a representation of `size` bytes whose strong ETag is `etag`:
// status 200 with the whole (no Range, a Range this does not serve: several ranges, another
// unit, bad syntax, or an If-Range that does not match), 206 with one range, or 416 when the
// one range asked for lies past the end.
struct RangeAnswer {
  int status = 200;
  ByteRange range;  // the bytes to send (the whole for 200; nothing for 416)
};
RangeAnswer answer_range(const Request& request, std::uint64_t size, std::string_view etag);

// "bytes 0-99/1000" for a 206, "bytes */1000" for a 416.
std::string content_range(const RangeAnswer& answer, std::uint64_t size);

// The head of the answer to a GET of that representation: its status, ETag, Accept-Ranges,
// Content-Range, never compressed; for a 416 also its short text body. For 200 and 206 the
// caller adds the bytes of `answer.range` and their Content-Type.
struct RangedResponse {
  Response response;
  RangeAnswer answer;
};
RangedResponse ranged_response(const Request& request, std::uint64_t size, const std::string& etag);

}  // namespace bdp::http
