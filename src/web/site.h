// Site: what the route handlers of every family share — the store, search, views, assets, page
// cache, section tree — and the few ways they answer: a page from the cache, an uncached page,
// an error through the one error boundary. Route families (public_routes.cpp, search_routes.cpp,
// editor_routes.cpp, api_routes.cpp, asset_routes.cpp) add their routes over a Site.
// Thread-safe: handlers call it from every server thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "model/section_tree.h"
#include "store/store.h"
#include "web/api_gate.h"
#include "web/daily_secret.h"
#include "web/login_throttle.h"
#include "web/map_snapshot.h"
#include "web/page_cache.h"
#include "web/portal_branding.h"
#include "web/route.h"
#include "web/search_source.h"
#include "web/shared_throttle.h"
#include "web/site_config.h"
#include "web/static_assets.h"
#include "web/views/views.h"

namespace bdp::web {

// A rendered page before the counter is spliced in.
struct Rendered {
  int status = 200;
  std::string html;
  std::string canonical;          // the path the page answers to, when others redirect to it
  std::vector<std::string> tags;  // the entities the page shows (cache_tags.h)
};

class Site {
 public:
  // All borrowed; `search` may be null (search pages then answer 503).
  Site(Store& store, SearchSource* search, const SiteConfig& config, const Views& views,
       const StaticAssets& assets, SectionTree sections, const geo::Gazetteer& gazetteer);

  Store& store;
  SearchSource* const search;
  const SiteConfig& config;
  const Views& views;
  const StaticAssets& assets;
  PageCache cache;
  SharedThrottle login_throttle;   // failed logins per address and e-mail, on every node
  LoginThrottle address_throttle;  // failed logins per address, whatever the e-mail (this node)
  DailySecret secrets;             // keys shared by every node (the login form's token)
  const geo::Gazetteer& gazetteer;
  MapSnapshots map_snapshots;  // the map's practices, per change-log position
  ApiGate api_gate;            // every /api/v1/ route: rate limit and CORS

  // The current section tree (replaced by the change follower; a copy of the pointer keeps it).
  std::shared_ptr<const SectionTree> sections() const;
  void set_sections(SectionTree tree);

  // The branding in force (portal_branding.h), replaced by the change follower.
  std::shared_ptr<const Branding> branding() const;
  void set_branding(Branding branding);
  // The logos the branding form offers (branding_logos of the assets read at start).
  std::vector<std::string> logos;

  // The context of a page of `visit` over `tree` (which must outlive the context).
  ViewContext view_context(const Visit& visit, const SectionTree& tree,
                           std::int64_t current_section = 0) const;
  // The cached page for `key` (per language), rendering it with `render` on a miss; a failed
  // render's error is returned (nothing cached). The handler may check the entry (canonical)
  // before respond() splices the counter in.
  Result<std::shared_ptr<PageCache::Entry>> cached(const Visit& visit, const std::string& key,
                                                   const std::function<Result<Rendered>()>& render);
  http::Response respond(const Visit& visit, PageCache::Entry& entry) const;
  // cached() then respond(), errors answered by error().
  http::Response cached_page(const Visit& visit, const std::string& key,
                             const std::function<Result<Rendered>()>& render);
  // A page not cached (personal, or a result of a query).
  http::Response page(const Visit& visit, int status, const std::string& html) const;
  // The error boundary for this visit: the HTML error page for pages, problem details for the API.
  http::Response error(const Visit& visit, const Error& error) const;

 private:
  mutable std::mutex sections_mutex_;
  std::shared_ptr<const SectionTree> sections_;
  std::shared_ptr<const Branding> branding_;  // under sections_mutex_
};

}  // namespace bdp::web
