#include "web/site.h"

#include "web/error_boundary.h"
#include "web/visitor_counter.h"

namespace bdp::web {

Site::Site(Store& store, SearchSource* search, const SiteConfig& config, const Views& views,
           const StaticAssets& assets, SectionTree sections, const geo::Gazetteer& gazetteer)
    : store(store),
      search(search),
      config(config),
      views(views),
      assets(assets),
      login_throttle(store, config.limits.login_failures_per_email,
                     config.limits.login_window_seconds),
      address_throttle(config.limits.login_failures_per_address,
                       config.limits.login_window_seconds),
      secrets(store, &VisitorCounter::local_date_today),
      gazetteer(gazetteer),
      map_snapshots(store, gazetteer),
      api_gate(config.limits.api_requests_per_minute),
      sections_(std::make_shared<const SectionTree>(std::move(sections))),
      branding_(std::make_shared<const Branding>(branding_of(config))) {}

std::shared_ptr<const SectionTree> Site::sections() const {
  std::lock_guard lock(sections_mutex_);
  return sections_;
}

void Site::set_sections(SectionTree tree) {
  auto next = std::make_shared<const SectionTree>(std::move(tree));
  std::lock_guard lock(sections_mutex_);
  sections_ = std::move(next);
}

std::shared_ptr<const Branding> Site::branding() const {
  std::lock_guard lock(sections_mutex_);
  return branding_;
}

void Site::set_branding(Branding branding) {
  auto next = std::make_shared<const Branding>(std::move(branding));
  std::lock_guard lock(sections_mutex_);
  branding_ = std::move(next);
}

ViewContext Site::view_context(const Visit& visit, const SectionTree& tree,
                               std::int64_t current_section) const {
  ViewContext ctx;
  ctx.lang = visit.lang;
  ctx.config = &config;
  ctx.sections = &tree;
  ctx.path = visit.request.path;
  ctx.current_section = current_section;
  ctx.asset_version = assets.version();
  ctx.branding = branding();
  return ctx;
}

Result<std::shared_ptr<PageCache::Entry>> Site::cached(
    const Visit& visit, const std::string& key, const std::function<Result<Rendered>()>& render) {
  const std::string full_key = std::string(i18n::code(visit.lang)) + "|" + key;
  if (auto entry = cache.find(full_key)) return entry;
  const auto generation = cache.generation();
  auto rendered = render();
  if (!rendered) return std::unexpected(rendered.error());
  return cache.insert(full_key, rendered->status, rendered->html, generation,
                      std::move(rendered->canonical), std::move(rendered->tags));
}

http::Response Site::respond(const Visit& visit, PageCache::Entry& entry) const {
  const std::int64_t total = visit.visitor_total(PageCache::status(entry));
  return PageCache::respond(
      entry, total, [&] { return Views::counter_html(visit.lang, config, total); }, visit.accepted);
}

http::Response Site::cached_page(const Visit& visit, const std::string& key,
                                 const std::function<Result<Rendered>()>& render) {
  auto entry = cached(visit, key, render);
  if (!entry) return error(visit, entry.error());
  return respond(visit, **entry);
}

http::Response Site::page(const Visit& visit, int status, const std::string& html) const {
  return PageCache::respond_uncached(
      status, html, Views::counter_html(visit.lang, config, visit.visitor_total(status)));
}

http::Response Site::error(const Visit& visit, const Error& error) const {
  const auto format = visit.kind == RouteKind::api ? ErrorFormat::problem_json : ErrorFormat::html;
  return error_response(error, format, visit.lang, visit.request.target, [&](const PublicError& e) {
    const auto tree = sections();
    const std::string html = views.message(view_context(visit, *tree), e.title, {e.detail}, "/",
                                           std::string(i18n::tr(visit.lang, "error.back")));
    return page(visit, e.status, html).body;
  });
}

}  // namespace bdp::web
