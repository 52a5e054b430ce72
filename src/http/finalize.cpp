#include "http/finalize.h"

#include "http/ascii.h"
#include "http/content_coding.h"
#include "http/etag.h"
#include "http/gzip.h"

namespace bdp::http {
namespace {

bool compression_eligible(const Response& response) {
  if (!response.compressible || response.body.size() < kMinGzipBytes ||
      response.header("content-encoding")) {
    return false;
  }
  const auto type = response.header("content-type");
  return type && is_compressible(*type);
}

// Adds Accept-Encoding to the response's Vary field unless it is there already (or is "*").
void add_vary_accept_encoding(Response& response) {
  const auto vary = response.header("vary");
  if (!vary) {
    response.headers.emplace_back("vary", "Accept-Encoding");
    return;
  }
  std::string_view rest = *vary;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = trim_ows(rest.substr(0, comma));
    if (item == "*" || iequals(item, "accept-encoding")) return;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  response.set_header("vary", std::string(*vary) + ", Accept-Encoding");
}

bool not_modified(const Request& request, const Response& response) {
  if (response.status != 200) return false;
  if (request.method != Method::get && request.method != Method::head) return false;
  const auto etag = response.header("etag");
  const auto if_none_match = request.header("if-none-match");
  return etag && if_none_match && if_none_match_matches(*if_none_match, *etag);
}

}  // namespace

void finalize_response(const Request& request, Response& response) {
  const bool eligible = compression_eligible(response);
  const auto accept_encoding = request.header("accept-encoding");
  const bool compress = eligible && accept_encoding && accepts_gzip(*accept_encoding);
  if (eligible) add_vary_accept_encoding(response);
  if (compress) {
    if (const auto etag = response.header("etag")) response.set_header("etag", weak_etag(*etag));
  }
  if (not_modified(request, response)) {
    response.status = 304;
    response.body.clear();
    return;
  }
  if (!compress) return;
  auto gzipped = gzip_compress(response.body);
  if (!gzipped || gzipped->size() >= response.body.size()) return;
  response.body = std::move(*gzipped);
  response.set_header("content-encoding", "gzip");
}

}  // namespace bdp::http
