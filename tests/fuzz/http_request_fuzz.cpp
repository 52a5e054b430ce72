// libFuzzer target: the byte stream of one connection, as the server reads it (RequestReader:
// request line, headers, Content-Length and chunked bodies, chunk extensions, trailers,
// pipelined requests), arriving in pieces whose size the first byte picks.
// Properties: a rejection is 400, 413 or 431; a complete request's body is within its limit;
// what stays buffered is bounded (header limit before the header is done, the chunk-framing
// limit after), so a client can never make the connection grow its buffer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/request_reader.h"
#include "http/target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t piece = 1 + data[0] % 64;
  const char* bytes = reinterpret_cast<const char*>(data + 1);
  const std::size_t total = size - 1;
  const bdp::http::ReadLimits limits{1024, 4096, 256};
  bdp::http::Request request;
  bdp::http::RequestReader reader;
  reader.start(request, limits);
  std::string buffered;
  std::size_t arrived = 0;
  using State = bdp::http::RequestReader::State;
  for (;;) {
    const bool more = arrived < total;
    if (more) {
      const std::size_t n = std::min(piece, total - arrived);
      buffered.append(bytes + arrived, n);
      arrived += n;
    }
    const std::size_t used = reader.feed(buffered);
    if (used > buffered.size()) __builtin_trap();
    buffered.erase(0, used);
    if (reader.state() == State::rejected) {
      const int status = reader.reject_status();
      if (status != 400 && status != 413 && status != 431) __builtin_trap();
      break;
    }
    if (reader.state() == State::complete) {
      if (request.body.size() > limits.body_bytes) __builtin_trap();
      std::string path;
      std::multimap<std::string, std::string> query;
      (void)bdp::http::parse_target(request.target, path, query);
      reader.start(request, limits);  // the next pipelined request
      continue;
    }
    if (!reader.header_done() && buffered.size() > limits.header_bytes + piece) __builtin_trap();
    if (reader.header_done() && buffered.size() >= limits.chunk_framing_bytes) __builtin_trap();
    if (!more) break;
  }
  return 0;
}
