// The request pipeline: the one ordered list of what a request passes, with the reason for
// each position. Stages 1 and 8–10 are the HTTP server's (src/http), around Portal::handle:
//
//  1. target checks   http::Connection, parse_target: before anything reads the path or query;
//                     a target that does not decode (bad escapes, not UTF-8) is 400 there.
//  2. language        Portal::localize: before routing, so every answer, errors included,
//                     speaks the address's language (/en/… English, the root Polish; the
//                     prefix is taken off the path the routes see, and put back on the
//                     links and redirects of the answer: language_path.h).
//  3. routing         Routes::match: the route's kind (page, api, asset, health) decides how
//                     the later stages treat the request.
//  4. session         only the editor routes read it (current_editor in editor_routes.cpp):
//                     public pages are shared by every visitor through the cache, so they must
//                     not depend on a session.
//  5. caching         Site::cached_page, in the page handlers: the key depends on the route's
//                     parameters; a hit skips the store entirely.
//  6. visitor count   Visit::visitor_total, where the page's status is known (the counter is
//                     spliced in): only page routes answered 200 count.
//  7. error boundary  Site::error / error_boundary.h: any failure of 3–6 becomes the response
//                     for the route's format; an exception here becomes a 500 page.
//  7b. security       add_security_headers (security_headers.h): after the boundary, so error
//      headers        pages carry them too; a handler's own CSP (an embeddable page) is kept.
//  8. ETag / 304      http::finalize_response, after the handler set the etag and before
//                     compression: a revalidated answer is not compressed for nothing (the
//                     etag turns weak first when the body is to be compressed).
//  9. compression     http::finalize_response, the last change to the body: of the final bytes
//                     in gzip or Brotli, as Accept-Encoding prefers (cached pages, static files
//                     and GeoJSON bring their own variants: http/precompressed.h).
// 10. access log      http::Connection, last, after the write: logs the status and bytes sent.
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/url.h"
#include "http/content_coding.h"
#include "web/branding.h"
#include "web/cache_tags.h"
#include "web/language_path.h"
#include "web/portal.h"
#include "web/route_families.h"
#include "web/security_headers.h"

namespace bdp::web {

namespace {

// A GET or HEAD: a request that only reads.
bool reads(const http::Request& request) {
  return request.method == http::Method::get || request.method == http::Method::head;
}

}  // namespace

std::int64_t Visit::visitor_total(int status) const {
  if (kind != RouteKind::page || status != 200 || !reads(request) || counted_) {
    return counter_.total();
  }
  counted_ = true;
  return counter_.visit(request.remote_address, request.header("user-agent").value_or(""));
}

Portal::Portal(Store& store, std::unique_ptr<SearchSource> search, PortalOptions options)
    : store_(store), search_(std::move(search)), options_(std::move(options)) {}

Result<std::unique_ptr<Portal>> Portal::create(Store& store, search::SearchIndex* search,
                                               PortalOptions options) {
  return create(store, search ? index_search_source(*search) : nullptr, std::move(options));
}

Result<std::unique_ptr<Portal>> Portal::create(Store& store, std::unique_ptr<SearchSource> search,
                                               PortalOptions options) {
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  std::unique_ptr<Portal> portal(new Portal(store, std::move(search), std::move(options)));
  auto gazetteer = geo::Gazetteer::load(portal->options_.gazetteer);
  if (!gazetteer) return std::unexpected(gazetteer.error());
  portal->gazetteer_ = std::make_unique<geo::Gazetteer>(std::move(*gazetteer));
  auto templates = Templates::load(portal->options_.assets_dir + "/templates");
  if (!templates) return std::unexpected(templates.error());
  portal->templates_ = std::move(*templates);
  portal->views_ = std::make_unique<Views>(*portal->templates_, portal->gazetteer_.get());
  if (auto branding = check_branding(portal->options_.config, portal->options_.assets_dir);
      !branding) {
    return std::unexpected(branding.error());
  }
  auto assets = StaticAssets::load(portal->options_.assets_dir, portal->options_.vendor_assets);
  if (!assets) return std::unexpected(assets.error());
  portal->assets_ = std::move(*assets);
  VisitorRules rules;
  rules.new_visitors_per_address = portal->options_.config.limits.new_visitors_per_address;
  portal->counter_ =
      std::make_unique<VisitorCounter>(store, &VisitorCounter::local_date_today, rules);
  auto seq = store.last_change_seq();
  if (!seq) return std::unexpected(seq.error());
  portal->seen_seq_ = *seq;
  auto tree = store.sections();
  if (!tree) return std::unexpected(tree.error());
  portal->security_policy_ = content_security_policy(portal->options_.config.map_tile_url);
  portal->site_ =
      std::make_unique<Site>(store, portal->search_.get(), portal->options_.config, *portal->views_,
                             *portal->assets_, SectionTree(std::move(*tree)), *portal->gazetteer_);
  portal->site_->logos = branding_logos(portal->options_.assets_dir);
  if (auto loaded = portal->load_branding(); !loaded) return std::unexpected(loaded.error());
  add_public_routes(portal->routes_, *portal->site_);
  add_library_routes(portal->routes_, *portal->site_);
  add_document_desk_routes(portal->routes_, *portal->site_);
  add_search_routes(portal->routes_, *portal->site_);
  add_editor_routes(portal->routes_, *portal->site_);
  add_review_routes(portal->routes_, *portal->site_);
  add_assessment_routes(portal->routes_, *portal->site_);
  add_revision_routes(portal->routes_, *portal->site_);
  add_content_routes(portal->routes_, *portal->site_);
  add_verification_routes(portal->routes_, *portal->site_);
  add_outbox_routes(portal->routes_, *portal->site_);
  add_unit_desk_routes(portal->routes_, *portal->site_);
  add_section_desk_routes(portal->routes_, *portal->site_);
  add_branding_routes(portal->routes_, *portal->site_);
  add_audit_routes(portal->routes_, *portal->site_);
  add_link_routes(portal->routes_, *portal->site_);
  add_adoption_routes(portal->routes_, *portal->site_);
  add_account_routes(portal->routes_, *portal->site_);
  add_submission_routes(portal->routes_, *portal->site_);
  add_compare_routes(portal->routes_, *portal->site_);
  add_api_routes(portal->routes_, *portal->site_);
  add_map_routes(portal->routes_, *portal->site_);
  portal->open_data_ =
      std::make_shared<OpenData>(store, portal->options_.config, portal->options_.open_data_folder);
  add_open_data_routes(portal->routes_, *portal->site_, portal->open_data_);
  if (auto started = portal->open_data_->start(); !started) {
    return std::unexpected(started.error());
  }
  add_asset_routes(portal->routes_, *portal->site_);
  return portal;
}

i18n::Lang Portal::preferred_language(const http::Request& request) const {
  const auto cookie = request.cookie("lang");
  const auto chosen = cookie ? i18n::parse_lang(*cookie) : std::nullopt;
  return chosen.value_or(i18n::parse_lang(options_.config.default_lang).value_or(i18n::Lang::pl));
}

namespace {

// Before routing the kind is known by the path alone (a 404 or 405 needs a format too).
RouteKind kind_by_path(const std::string& path) {
  if (path.starts_with("/api/")) return RouteKind::api;
  if (path.starts_with("/static/")) return RouteKind::asset;
  return RouteKind::page;
}

// The query of `target` ("?a=b"), or "".
std::string_view query_of(std::string_view target) {
  const auto q = target.find('?');
  return q == std::string_view::npos ? std::string_view{} : target.substr(q);
}

// A path that round-trips through a Location as it is (no bytes a redirect would need to
// re-encode beyond local_redirect_target's).
bool plain_path(std::string_view path) {
  return path.find_first_of("?#%") == std::string_view::npos;
}

}  // namespace

http::Response Portal::handle(const http::Request& request) {
  http::Response response = localize(request);
  add_security_headers(response, security_policy_,
                       options_.config.https());  // 7b.
  return response;
  // 8.–10. by the server, on the response returned.
}

http::Response Portal::localize(const http::Request& request) {
  // 1. target checks: done by the server.
  if (request.path == "/en") {
    return http::redirect(reads(request) ? 301 : 308,
                          local_redirect_target("/en/" + std::string(query_of(request.target))));
  }
  const auto split = split_language(request.path);
  if (split.lang == i18n::Lang::pl) return route(request, i18n::Lang::pl);
  http::Request english = request;
  english.path = std::string(split.path);
  http::Response response = route(english, i18n::Lang::en);
  if (language_neutral(english.path)) return response;  // the switch's redirect stays as it is
  if (auto location = response.header("location"); location && location->starts_with('/')) {
    response.set_header("location", localized_path(*location, i18n::Lang::en));
  }
  return response;
}

http::Response Portal::route(const http::Request& request, i18n::Lang lang) {
  const auto accepted = http::parse_accept_encoding(request.header("accept-encoding"));
  auto match = routes_.match(request.method, request.path);  // 3.
  const auto* found = std::get_if<RouteFound<Route>>(&match);
  const RouteKind kind = found ? found->handler->kind : kind_by_path(request.path);
  const bool page = kind == RouteKind::page;
  const bool at_root = lang == i18n::Lang::pl;
  // Data (the API's messages) has one address for both: it speaks the visitor's choice.
  if (at_root && !page) lang = preferred_language(request);
  const Visit visit(request, kind, lang, accepted, *counter_);
  if (at_root && page && reads(request) && !language_neutral(request.path) &&
      plain_path(request.path) && preferred_language(request) == i18n::Lang::en) {
    // The remembered choice: the English address of this page, for this visitor only.
    auto r =
        http::redirect(302, local_redirect_target(localized_path(request.path, i18n::Lang::en) +
                                                  std::string(query_of(request.target))));
    r.set_header("cache-control", "private, no-store");
    return r;
  }
  http::Response response = respond(visit, match);
  if (page && !response.header("content-language")) {
    response.set_header("content-language", i18n::code(lang));
  }
  return response;
}

http::Response Portal::respond(const Visit& visit, const RouteMatch<Route>& match) {
  const auto* found = std::get_if<RouteFound<Route>>(&match);
  const auto& request = visit.request;
  try {
    // 4.–6. in the handler and the Site it answers through.
    if (found) return found->handler->handler(visit, found->params);
    if (auto* not_allowed = std::get_if<RouteMethodNotAllowed>(&match)) {
      // Not an ErrorKind: a client that sent another method than the route's, told which ones.
      auto r = http::text_response(405, "method not allowed\n");
      r.set_header("allow", not_allowed->allow);
      return r;
    }
    return site_->error(visit, Error{ErrorKind::not_found, "no route for " + request.path});  // 7.
  } catch (const std::exception& e) {
    return site_->error(visit, Error{ErrorKind::internal, std::string("exception: ") + e.what()});
  }
}

void Portal::drop_stale(const std::vector<Change>& changes) {
  std::vector<std::string> tags;
  for (const auto& change : changes) {
    auto stale = stale_tags(change);
    if (!stale) {
      site_->cache.invalidate();
      return;
    }
    tags.insert(tags.end(), stale->begin(), stale->end());
  }
  if (!tags.empty()) site_->cache.drop(tags);
}

void Portal::on_tick() {
  counter_->flush();
  start_day(VisitorCounter::local_date_today());
}

bool Portal::start_day(const std::string& today) {
  std::lock_guard lock(changes_mutex_);
  if (today == day_) return false;
  const bool first = day_.empty();
  day_ = today;
  if (first) return false;
  site_->cache.invalidate();
  return true;
}

Status Portal::load_branding() {
  auto branding = stored_branding(store_, options_.config);
  if (!branding) return std::unexpected(branding.error());
  for (const auto& partner : branding->partners) {
    if (!partner.logo.empty() &&
        std::ranges::find(site_->logos, partner.logo) == site_->logos.end()) {
      spdlog::warn("portal: the branding names the logo {}, which is not among the assets",
                   partner.logo);
    }
  }
  site_->set_branding(std::move(*branding));
  return {};
}

void Portal::on_changes() {
  std::lock_guard lock(changes_mutex_);
  constexpr int kBatch = 1000;
  bool sections_changed = false, settings_changed = false;
  const auto seen_before = seen_seq_;
  for (;;) {
    auto changes = store_.changes_since(seen_seq_, kBatch);
    if (!changes) {
      // The log cannot be read: what changed is unknown, so nothing cached can be trusted.
      spdlog::warn("portal: cannot read the change log: {}", changes.error().message);
      site_->cache.invalidate();
      break;
    }
    if (changes->empty()) break;
    for (const auto& c : *changes) {
      sections_changed |= c.kind == EntityKind::section;
      settings_changed |= c.kind == EntityKind::setting;
    }
    // The tree first: pages rendered after the drop must show the new section names.
    if (sections_changed) {
      if (auto tree = store_.sections()) {
        site_->set_sections(SectionTree(std::move(*tree)));
      } else {
        spdlog::warn("portal: cannot reload sections: {}", tree.error().message);
      }
    }
    if (settings_changed) {
      if (auto loaded = load_branding(); !loaded) {
        spdlog::warn("portal: cannot reload the branding: {}", loaded.error().message);
      }
    }
    drop_stale(*changes);
    seen_seq_ = changes->back().seq;
    if (static_cast<int>(changes->size()) < kBatch) break;
  }
  if (seen_seq_ != seen_before) open_data_->changed();
  counter_->flush();
}

}  // namespace bdp::web
