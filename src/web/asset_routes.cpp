// The files under /static/ (CSS, JS, images, vendored npm files) and /favicon.ico, which
// browsers ask for at the root whatever the page links: from memory, never counted.
#include <fmt/format.h>

#include "web/route_families.h"

namespace bdp::web {

void add_asset_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto asset = [&site](auto path_of) {
    return Route{RouteKind::asset, [&site, path_of](const Visit& v, const Params& p) {
                   const std::string path = path_of(p);
                   auto r = site.assets.serve(path, v.accepted);
                   // A branding image opened on its own runs nothing, whatever it holds.
                   if (path.starts_with("branding/")) {
                     r.set_header("content-security-policy",
                                  "default-src 'none'; style-src 'unsafe-inline'; sandbox");
                   }
                   return r;
                 }};
  };
  routes.add(M::get, "/favicon.ico",
             asset([](const Params&) { return std::string("favicon.ico"); }));
  routes.add(M::get, "/static/{a}", asset([](const Params& p) { return p.at("a"); }));
  routes.add(M::get, "/static/{a}/{b}",
             asset([](const Params& p) { return fmt::format("{}/{}", p.at("a"), p.at("b")); }));
  routes.add(M::get, "/static/{a}/{b}/{c}", asset([](const Params& p) {
               return fmt::format("{}/{}/{}", p.at("a"), p.at("b"), p.at("c"));
             }));
}

}  // namespace bdp::web
