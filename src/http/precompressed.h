// Precompressed: a response body made once with its gzip and Brotli variants and then served
// many times (cached pages, static files, GeoJSON), each request getting the variant its
// Accept-Encoding prefers (content_coding.h).
#pragma once

#include <string>
#include <string_view>

#include "http/content_coding.h"
#include "http/message.h"

namespace bdp::http {

struct Precompressed {
  std::string identity;
  std::string gzip, br;  // empty when that coding failed or made the body no smaller
};

// `body` with its variants: gzip level 6 and Brotli at `brotli_quality` (brotli.h). Never fails:
// a variant the compressor could not make is left empty.
Precompressed precompress(std::string body, int brotli_quality);

// Sets `response`'s body to the variant `accepted` prefers and its content-encoding; its etag
// to `etag` (a quoted strong tag of the identity bytes) with "-gz" / "-br" before the closing
// quote for a compressed variant (another representation, another tag); and adds
// Accept-Encoding to its Vary when the body has a variant (the answer then depends on it).
void serve_precompressed(Response& response, const Precompressed& body,
                         const AcceptedCodings& accepted, std::string_view etag);

}  // namespace bdp::http
