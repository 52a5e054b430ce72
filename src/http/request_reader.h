// RequestReader: incremental parsing of HTTP/1.x requests from a byte stream into a reused
// Request (Beast's parser inside, not in this header), with the framing rules of RFC 9112 and
// the limits a hostile client must not pass. Requests come one after another (pipelining):
// start() each one, feed() it the buffered bytes until it is complete or rejected, keep what it
// did not consume for the next. Pure (no I/O); one reader per connection, not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.h"

namespace bdp::http {

struct ReadLimits {
  std::size_t header_bytes = 16 << 10;        // request line + headers → 431
  std::size_t body_bytes = 1 << 20;           // → 413
  std::size_t chunk_framing_bytes = 4 << 10;  // a chunk-size line, or the trailer → 431
  // Requests whose body goes to a file (Request::spooled) with the rule's own size limit;
  // borrowed, may be null.
  const SpoolRule* spool = nullptr;
};

class RequestReader {
 public:
  enum class State { need_more, complete, rejected };

  RequestReader();
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Begins the next request, parsed into `request` (borrowed until the next start()); clears
  // its method, target, headers and body.
  void start(Request& request, const ReadLimits& limits);
  // Parses what it can from the front of `bytes` (all the bytes buffered so far, the unconsumed
  // rest of the previous call first) and returns how many it consumed. REQUIRES: need_more.
  std::size_t feed(std::string_view bytes);

  State state() const { return state_; }
  // When rejected: 400 (malformed or ambiguous framing: no or two Hosts in HTTP/1.1, a
  // Transfer-Encoding not ending in chunked, bad syntax), 413 (body) or 431 (header, chunk line
  // or trailer over its limit), 503 (a spooled body could not be written to disk).
  int reject_status() const { return reject_status_; }
  bool header_done() const;
  bool expects_continue() const;                         // Expect: 100-continue, in HTTP/1.1
  bool keep_alive() const;                               // once complete
  bool spooling() const;                                 // the body goes to a file
  int version() const { return version_; }               // 10 or 11
  const std::string& method() const { return method_; }  // as sent ("-" before the line)

 private:
  struct Impl;  // Beast's parser, re-made in place for each request (no allocation)
  std::unique_ptr<Impl> impl_;
  State state_ = State::need_more;
  int reject_status_ = 0;
  int version_ = 11;
  std::string method_ = "-";
};

}  // namespace bdp::http
