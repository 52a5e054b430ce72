#include "http/finalize.h"

#include "http/brotli.h"
#include "http/content_coding.h"
#include "http/etag.h"
#include "http/gzip.h"

namespace bdp::http {
namespace {

bool compression_eligible(const Response& response) {
  if (!response.compressible || response.stream || response.body.size() < kMinGzipBytes ||
      response.header("content-encoding")) {
    return false;
  }
  const auto type = response.header("content-type");
  return type && is_compressible(*type);
}

// A 206 too: If-None-Match is evaluated before Range (RFC 9110 §13.2.2).
bool not_modified(const Request& request, const Response& response) {
  if (response.status != 200 && response.status != 206) return false;
  if (request.method != Method::get && request.method != Method::head) return false;
  const auto etag = response.header("etag");
  const auto if_none_match = request.header("if-none-match");
  return etag && if_none_match && if_none_match_matches(*if_none_match, *etag);
}

// `body` in `coding` (a dynamic response: compressed once, so Brotli at its quick quality).
Result<std::string> encode(Coding coding, std::string_view body) {
  return coding == Coding::br ? brotli_compress(body, kBrotliOftenQuality) : gzip_compress(body);
}

}  // namespace

void finalize_response(const Request& request, Response& response) {
  const bool eligible = compression_eligible(response);
  const Coding coding =
      eligible ? choose_coding(parse_accept_encoding(request.header("accept-encoding")), true, true)
               : Coding::identity;
  if (eligible) response.add_vary("Accept-Encoding");
  if (coding != Coding::identity) {
    if (const auto etag = response.header("etag")) response.set_header("etag", weak_etag(*etag));
  }
  if (not_modified(request, response)) {
    response.status = 304;
    response.body.clear();
    response.stream.reset();
    std::erase_if(response.headers, [](const auto& h) { return h.first == "content-range"; });
    return;
  }
  if (coding == Coding::identity) return;
  auto encoded = encode(coding, response.body);
  if (!encoded || encoded->size() >= response.body.size()) return;
  response.body = std::move(*encoded);
  response.set_header("content-encoding", std::string(content_encoding_name(coding)));
}

}  // namespace bdp::http
