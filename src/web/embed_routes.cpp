// /osadz/jednostki/<unit slug>: a unit's published practices as a small page for an iframe on
// the unit's own site or BIP. Cached like the unit's page and dropped with it; no script, no
// cookie, not counted as a visit (a framing site's visitors are not the portal's). The one
// route whose answer any site may frame: it sets its own Content-Security-Policy with
// frame-ancestors *, which the security-headers stage must keep (and send no X-Frame-Options).
#include "web/cache_tags.h"
#include "web/open_data_routes.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

constexpr const char* kEmbedPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors *";

Result<Rendered> render_embed(Site& site, const Visit& v, const std::string& slug) {
  auto unit = site.store.unit_by_slug(slug);
  if (!unit) return std::unexpected(unit.error());
  auto practices = site.store.practices_of_unit(unit->id);
  if (!practices) return std::unexpected(practices.error());
  std::erase_if(*practices,
                [](const Practice& p) { return p.status != PracticeStatus::published; });
  Rendered out;
  out.tags = {unit_tag(unit->id), unit_practices_tag(unit->id)};
  for (const auto& p : *practices) out.tags.push_back(practice_tag(p.id));
  const auto tree = site.sections();
  out.html = site.views.embed_unit(site.view_context(v, *tree), *unit, *practices);
  return out;
}

}  // namespace

void add_embed_routes(Routes& routes, Site& site) {
  routes.add(http::Method::get, "/osadz/jednostki/{slug}",
             {RouteKind::page, [&site](const Visit& v, const Params& p) {
                const std::string slug = p.at("slug");
                auto entry = site.cached(v, "/osadz/jednostki/" + slug,
                                         [&] { return render_embed(site, v, slug); });
                if (!entry) return site.error(v, entry.error());
                // Not Site::respond: the embed has no counter and counts no visit.
                auto r = PageCache::respond(
                    **entry, 0, [] { return std::string(); }, v.accepted);
                r.set_header("content-security-policy", kEmbedPolicy);
                return r;
              }});
}

}  // namespace bdp::web
