// Portal: the public web site as one http::Handler — the request pipeline (pipeline.cpp) over
// the routes of each family (public pages, search, editors, API, assets) and the Site they
// share. It reads the store, never writes pages' data; derived state (page cache, section
// tree, counter total) follows the store's change log through on_changes(), called by the
// ChangeFollower. Thread-safe: handle() runs on every server thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "http/message.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/open_data.h"
#include "web/route.h"
#include "web/search_source.h"
#include "web/site.h"
#include "web/site_config.h"
#include "web/static_assets.h"
#include "web/views/templates.h"
#include "web/views/views.h"
#include "web/visitor_counter.h"

namespace bdp::web {

struct PortalOptions {
  SiteConfig config;
  std::string assets_dir;                            // holds templates/, css/, js/
  std::map<std::string, std::string> vendor_assets;  // extra /static/ files (npm packages)
  std::string gazetteer = "data/gazetteer.json";     // geo::Gazetteer::load: the maps' places
  std::filesystem::path open_data_folder =
      {};  // this node's open-data files; empty: a temporary one
};

class Portal {
 public:
  // Loads the gazetteer, templates and assets; fails when they cannot be read or parsed. `search`
  // (borrowed, may be null: search pages then answer 503) serves the results page, the API and the
  // similar-practice lists.
  static Result<std::unique_ptr<Portal>> create(Store& store, search::SearchIndex* search,
                                                PortalOptions options);
  // As above over any SearchSource (owned; may be null).
  static Result<std::unique_ptr<Portal>> create(Store& store, std::unique_ptr<SearchSource> search,
                                                PortalOptions options);

  // The request pipeline (pipeline.cpp). Never throws.
  http::Response handle(const http::Request& request);
  // Derived data follows the store: reads the change log from where it last stopped, drops
  // the cached pages the changes make stale (drop_stale), reloads the section tree when a
  // section changed and the branding when a setting did, refreshes the visitor total (other nodes
  // count too), has the open-data files rebuilt.
  void on_changes();
  // Reads the branding in force (the stored setting, else the config's) into the Site.
  Status load_branding();
  // Drops the cached pages that `changes` make stale (cache_tags.h).
  void drop_stale(const std::vector<Change>& changes);
  // The follower's tick: writes the visitors counted since the last call and reads the total;
  // starts the day when the local date changed (start_day).
  void on_tick();
  // The first call on a new local date `today` ("YYYY-MM-DD") drops every cached page: what a
  // page shows can follow from the date alone (a practice's data becoming long overdue for
  // verification shows a notice), so none is kept from an earlier day. Returns whether it did.
  bool start_day(const std::string& today);
  // Every route's method and pattern (for checks of the API document).
  std::vector<std::pair<http::Method, std::string>> route_patterns() const {
    return routes_.patterns();
  }
  // Pages in the page cache now (for figures and tests).
  std::size_t cached_pages() const { return site_->cache.size(); }

 private:
  Portal(Store& store, std::unique_ptr<SearchSource> search, PortalOptions options);
  // Stage 2 of the pipeline (pipeline.cpp): the language of the address, then route() in it.
  http::Response localize(const http::Request& request);
  // Stages 3–7: the answer in `lang` before its security headers (a visitor who chose English
  // is redirected from a Polish page to its English address).
  http::Response route(const http::Request& request, i18n::Lang lang);
  // Stages 4–7: the matched route's answer, or the error for no route.
  http::Response respond(const Visit& visit, const RouteMatch<Route>& match);
  // The language a visitor chose (the "lang" cookie), else the configured default.
  i18n::Lang preferred_language(const http::Request& request) const;

  Store& store_;
  std::unique_ptr<SearchSource> search_;
  PortalOptions options_;
  std::unique_ptr<geo::Gazetteer> gazetteer_;
  std::unique_ptr<Templates> templates_;
  std::unique_ptr<Views> views_;
  std::unique_ptr<StaticAssets> assets_;
  std::unique_ptr<VisitorCounter> counter_;
  std::unique_ptr<Site> site_;
  std::shared_ptr<OpenData> open_data_;
  Routes routes_;
  std::string security_policy_;  // the Content-Security-Policy (security_headers.h)
  std::mutex changes_mutex_;     // on_changes() and start_day() from one follower at a time
  std::int64_t seen_seq_ = 0;
  std::string day_;  // the local date the cached pages were rendered on (start_day)
};

}  // namespace bdp::web
