// "Porównaj praktyki": /porownaj?p=…&p=… shows up to three practices side by side (a shareable
// address, cached as any page); the buttons POST to /porownaj/dodaj and /porownaj/usun, which
// keep the choice in a cookie and answer with the comparison's address (comparison.h).
#include <fmt/format.h>

#include "http/cookie.h"
#include "http/form.h"
#include "web/cache_tags.h"
#include "web/comparison.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

constexpr long long kCookieSeconds = 30LL * 24 * 3600;

Error wrong_choice(std::string why) {
  return Error{ErrorKind::invalid_input, std::move(why)};
}

// Every value of `name` in a query or a form (both multimaps), in order.
std::vector<std::string> values_of(const http::FormFields& fields, const std::string& name) {
  std::vector<std::string> out;
  const auto [first, last] = fields.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

// The practices among `ids` that have a public page, in order: an id of none is left out (a
// shared address or a cookie may outlive a practice).
Result<std::vector<Practice>> public_practices(Site& site, const Compared& ids) {
  std::vector<Practice> out;
  for (const auto id : ids) {
    auto practice = site.store.practice(id);
    if (!practice && practice.error().kind == ErrorKind::not_found) continue;
    if (!practice) return std::unexpected(practice.error());
    if (has_public_page(practice->status)) out.push_back(std::move(*practice));
  }
  return out;
}

Result<Rendered> render_comparison(Site& site, const Visit& visit, const Compared& ids, bool full) {
  Rendered out;
  for (const auto id : ids) out.tags.push_back(practice_tag(id));
  auto practices = public_practices(site, ids);
  if (!practices) return std::unexpected(practices.error());
  if (!ids.empty() && practices->empty()) {
    return std::unexpected(Error{ErrorKind::not_found, "no compared practice has a public page"});
  }
  std::vector<ComparedPractice> compared;
  for (auto& practice : *practices) {
    auto unit = site.store.unit(practice.unit_id);
    if (!unit) return std::unexpected(unit.error());
    out.tags.push_back(unit_tag(unit->id));
    compared.push_back({std::move(practice), std::move(*unit)});
  }
  const auto tree = site.sections();
  out.html = site.views.comparison(site.view_context(visit, *tree), compared, full);
  return out;
}

// The ids among `ids` that have a public page (a practice chosen may have been withdrawn).
Result<Compared> public_only(Site& site, const Compared& ids) {
  auto practices = public_practices(site, ids);
  if (!practices) return std::unexpected(practices.error());
  Compared out;
  for (const auto& practice : *practices) out.push_back(practice.id);
  return out;
}

// The visitor's choice in the cookie, without what has no public page any more.
Result<Compared> chosen_by(Site& site, const Visit& v) {
  return public_only(site, compared_in_cookie(v.request.cookie(kComparisonCookie).value_or("")));
}

// The visitor's new choice: remembered, and its comparison shown.
http::Response remember(Site& site, const Compared& ids, bool full) {
  auto r = http::redirect(303, comparison_path(ids) + (full ? "&pelne=1" : ""));
  r.set_header("cache-control", "no-store");
  if (auto cookie = http::set_cookie_header({kComparisonCookie, cookie_value(ids), "/",
                                             ids.empty() ? 0 : kCookieSeconds, true,
                                             site.config.https(), http::SameSite::lax})) {
    r.headers.emplace_back("set-cookie", std::move(*cookie));
  }
  return r;
}

http::Response show(Site& site, const Visit& v) {
  const auto asked = values_of(v.request.query, "p");
  if (asked.empty()) {
    // The address of the visitor's own choice, so that what they see can be shared.
    const auto chosen = chosen_by(site, v);
    if (!chosen) return site.error(v, chosen.error());
    if (!chosen->empty()) {
      auto r = http::redirect(303, comparison_path(*chosen));
      r.set_header("cache-control", "private, no-store");
      return r;
    }
  }
  const auto ids = compared_in_query(asked);
  if (!ids) {
    return site.error(v, wrong_choice(fmt::format("a comparison names {} p values, or one that "
                                                  "is no id",
                                                  asked.size())));
  }
  // The notice of a refused fourth, on a comparison of three.
  const bool full = v.request.param("pelne") == "1" && ids->size() == kMaxCompared;
  const auto key = comparison_path(*ids) + (full ? "&pelne=1" : "");
  return site.cached_page(v, key, [&] { return render_comparison(site, v, *ids, full); });
}

http::Response add(Site& site, const Visit& v) {
  // No anti-forgery token: a forged button can only change which practices a visitor compares.
  auto fields = http::parse_form(v.request, site.config.limits.form_bytes);
  if (!fields) return site.error(v, fields.error());
  const auto id = compared_in_query(values_of(*fields, "p"));
  if (!id || id->size() != 1) return site.error(v, wrong_choice("add names no single practice"));
  auto practice = site.store.practice(id->front());
  if (!practice) return site.error(v, practice.error());
  if (!has_public_page(practice->status)) {
    return site.error(v, Error{ErrorKind::not_found, "add names an unpublished practice"});
  }
  auto ids = chosen_by(site, v);
  if (!ids) return site.error(v, ids.error());
  const bool added = add_compared(*ids, id->front());
  return remember(site, *ids, !added);
}

http::Response remove(Site& site, const Visit& v) {
  auto fields = http::parse_form(v.request, site.config.limits.form_bytes);
  if (!fields) return site.error(v, fields.error());
  // The comparison the button was on (it may be a shared one), without the removed practice.
  auto ids = compared_in_query(values_of(*fields, "p"));
  const auto removed = compared_in_query(values_of(*fields, "usun"));
  if (!ids || !removed || removed->size() != 1) {
    return site.error(v, wrong_choice("remove names no comparison or no single practice"));
  }
  std::erase(*ids, removed->front());
  return remember(site, *ids, false);
}

}  // namespace

void add_compare_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](http::Response (*handler)(Site&, const Visit&)) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params&) { return handler(site, v); }};
  };
  routes.add(M::get, "/porownaj", page(show));
  routes.add(M::post, "/porownaj/dodaj", page(add));
  routes.add(M::post, "/porownaj/usun", page(remove));
}

}  // namespace bdp::web
