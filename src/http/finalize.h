// What the server does to every handler response before sending it: conditional GET (304) and
// content-coding (gzip or Brotli). Independent of the transport, so it is tested without sockets.
#pragma once

#include <cstddef>

#include "http/message.h"

namespace bdp::http {

// Bodies smaller than this are sent uncompressed: the coding's overhead outweighs the gain.
inline constexpr std::size_t kMinGzipBytes = 512;

// Applies, in order:
// 1. Compression eligibility: a body of at least kMinGzipBytes, a compressible content-type, no
//    content-encoding from the handler and Response::compressible. Eligible responses get "Vary:
//    Accept-Encoding" (merged with the handler's Vary), and their etag turns weak when a coding
//    is chosen for them (content_coding.h: choose_coding over gzip and Brotli).
// 2. A GET or HEAD answered 200 with an etag that the request's If-None-Match matches becomes
//    304 with no body (validators and cache headers kept).
// 3. An eligible body is compressed in the chosen coding (Brotli at kBrotliOftenQuality) when
//    that makes it smaller; "content-encoding" is set.
// Never fails: when the compressor fails the body goes uncompressed. Thread-safe.
void finalize_response(const Request& request, Response& response);

}  // namespace bdp::http
