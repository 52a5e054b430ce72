// Portal: the public web site — routes, page handlers, page cache, visitor counter, static
// assets — as one http::Handler. It reads the store, never writes pages' data; derived state
// (page cache, section tree, counter total) follows the store's change log through
// on_changes(), called by the ChangeFollower. Thread-safe: handle() runs on every server thread.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "http/message.h"
#include "model/section_tree.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/login_throttle.h"
#include "web/page_cache.h"
#include "web/router.h"
#include "web/site_config.h"
#include "web/static_assets.h"
#include "web/views/templates.h"
#include "web/views/views.h"
#include "web/visitor_counter.h"

namespace bdp::web {

struct PortalOptions {
  SiteConfig config;
  std::string assets_dir;  // holds templates/, css/, js/
  std::map<std::string, std::string> vendor_assets;  // extra /static/ files (npm packages)
};

class Portal {
 public:
  // Loads templates and assets; fails when they cannot be read or parsed. `search` (borrowed,
  // may be null: search pages then answer 503) serves the results page, the API and the
  // similar-practice lists.
  static Result<std::unique_ptr<Portal>> create(Store& store, search::SearchIndex* search,
                                                PortalOptions options);

  http::Response handle(const http::Request& request);
  // Derived data follows the store: drop cached pages, reload the section tree, refresh the
  // visitor total (other nodes count too).
  void on_changes();
  void refresh_counter() { counter_->refresh(); }

  // A rendered page before the counter is spliced in.
  struct Rendered {
    int status = 200;
    std::string html;
    std::string canonical;  // the path the page answers to, when others redirect to it
  };
  // Per-request facts every page handler needs.
  struct Visit {
    i18n::Lang lang;
    bool gzip;
    std::int64_t counter;
    const http::Request* request;
  };

 private:
  Portal(Store& store, search::SearchIndex* search, PortalOptions options);
  void add_search_routes();
  http::Response search_page(const Visit& visit);
  void add_routes();
  std::shared_ptr<const SectionTree> sections();
  ViewContext view_context(const Visit& visit, std::int64_t current_section = 0);
  // Serves `key` from the page cache, rendering it with `render` on a miss. Failures become
  // error pages (not cached).
  // `canonical` (optional) receives the canonical path kept with the page.
  http::Response cached(const Visit& visit, const std::string& key,
                        const std::function<Result<Rendered>()>& render,
                        std::string* canonical = nullptr);
  http::Response error_page(const Visit& visit, int status);
  http::Response html(const Visit& visit, int status, const std::string& html);

  // The editors' pages (editor_routes.cpp): login, dashboard, logout; never cached.
  void add_editor_routes();
  struct EditorVisit {
    Editor editor;
    std::string logout_csrf;  // bound to the session (auth/token.h)
  };
  // The editor of the request's session cookie; not_found without a live session.
  Result<EditorVisit> current_editor(const http::Request& request);
  http::Response login_page(const Visit& visit, int status, const LoginForm& form);
  http::Response login_submit(const Visit& visit);
  http::Response dashboard(const Visit& visit);
  http::Response logout(const Visit& visit);
  Result<std::vector<RecentChange>> recent_changes(i18n::Lang lang);
  bool secure_cookies() const;

  Result<Rendered> render_home(const Visit& visit);
  Result<Rendered> render_section(const Visit& visit, const Section& section, PracticeSort sort,
                                  int page);
  Result<Rendered> render_practice(const Visit& visit, std::int64_t id, PracticeView view);
  Result<Rendered> render_unit(const Visit& visit, const std::string& slug);
  Result<PracticeListing> listing(Result<Page<Practice>> page, int page_number, int page_size);

  Store& store_;
  search::SearchIndex* search_;
  PortalOptions options_;
  std::unique_ptr<Templates> templates_;
  std::unique_ptr<Views> views_;
  std::unique_ptr<StaticAssets> assets_;
  std::unique_ptr<VisitorCounter> counter_;
  PageCache cache_;
  LoginThrottle login_throttle_;
  using PageHandler = std::function<http::Response(const Visit&, const Params&)>;
  Router<PageHandler> router_;
  std::mutex sections_mutex_;
  std::shared_ptr<const SectionTree> sections_;
};

}  // namespace bdp::web
