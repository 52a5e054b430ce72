#include "web/api_gate.h"

#include <chrono>

#include "web/site.h"

namespace bdp::web {
namespace {

void allow_any_origin(http::Response& r) {
  r.set_header("access-control-allow-origin", "*");
  r.set_header("access-control-expose-headers", "ETag, Retry-After");
}

// The CORS preflight of a GET with If-None-Match (not a safelisted header).
Route preflight() {
  return {RouteKind::api, [](const Visit&, const Params&) {
            auto r = http::text_response(204, "");
            allow_any_origin(r);
            r.set_header("access-control-allow-methods", "GET, HEAD, OPTIONS");
            r.set_header("access-control-allow-headers", "If-None-Match");
            r.set_header("access-control-max-age", "86400");
            return r;
          }};
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void ApiGate::add(Routes& routes, Site& site, const std::string& path, Handler handler) {
  routes.add(
      http::Method::get, path,
      {RouteKind::api,
       [this, &site, handler = std::move(handler)](const Visit& v, const Params& p) {
         const auto now = now_seconds();
         const auto& client = v.request.remote_address;
         http::Response r;
         if (const auto wait = throttle_.retry_after(client, now); wait > 0) {
           r = site.error(v, Error{ErrorKind::too_many_requests, "API rate limit: " + client});
           r.set_header("retry-after", std::to_string(wait));
         } else {
           throttle_.record_failure(client, now);
           r = handler(v, p);
         }
         allow_any_origin(r);
         return r;
       }});
  routes.add(http::Method::options, path, preflight());
}

}  // namespace bdp::web
