#include "web/open_data_routes.h"

#include "http/byte_range.h"
#include "http/file_body.h"
#include "opendata/digest.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

// Files up to this size are read whole, so they are compressed as pages are.
constexpr std::uint64_t kWholeFileBytes = 1 << 20;

void set_cache_headers(http::Response& r, const std::string& etag, int max_age) {
  r.set_header("etag", etag);
  r.set_header("cache-control", "public, max-age=" + std::to_string(max_age));
}

}  // namespace

http::Response etagged_response(std::string body, std::string content_type, int max_age) {
  const std::string etag = "\"" + opendata::sha256_hex(body).substr(0, 32) + "\"";
  auto r = http::text_response(200, std::move(body), std::move(content_type));
  set_cache_headers(r, etag, max_age);
  return r;
}

Result<http::Response> open_data_response(const http::Request& request, const OpenDataFile& file,
                                          int max_age) {
  http::Response r;
  if (file.size <= kWholeFileBytes) {
    auto body = http::FileBody::open(file.path, 0, file.size);
    if (!body) return std::unexpected(body.error());
    auto bytes = (*body)->next(file.size);
    if (!bytes) return std::unexpected(bytes.error());
    r = http::text_response(200, std::move(*bytes), file.content_type);
  } else {
    auto [ranged, answer] = http::ranged_response(request, file.size, file.etag);
    r = std::move(ranged);
    if (answer.status != 416) {
      auto body = http::FileBody::open(file.path, answer.range.first, answer.range.length);
      if (!body) return std::unexpected(body.error());
      r.stream = std::move(*body);
      r.set_header("content-type", file.content_type);
    }
  }
  set_cache_headers(r, file.etag, max_age);
  return r;
}

void add_open_data_routes(Routes& routes, Site& site, const std::shared_ptr<OpenData>& data) {
  add_api_v1_routes(routes, site, data);
  add_open_data_file_routes(routes, site, data);
  add_embed_routes(routes, site);
}

}  // namespace bdp::web
