#include "web/portal.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <charconv>

#include "http/content_coding.h"
#include "legacy/legacy_address.h"
#include "web/error_mapping.h"

namespace bdp::web {
namespace {

// A positive page number from "strona"; absent → 1; anything else → nullopt (400).
std::optional<int> page_param(const http::Request& request) {
  const auto text = request.param("strona");
  if (text.empty()) return 1;
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > 100000) return std::nullopt;
  return n;
}

// "/praktyki/<id>-<slug>" reference → id.
std::optional<std::int64_t> practice_id(const std::string& ref) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ec != std::errc() || id <= 0 || (end != ref.data() + ref.size() && *end != '-')) return std::nullopt;
  return id;
}

// `path` when it is a path on this site; "/" otherwise (never "//host" or "http://…"), so the
// language switch cannot be used as an open redirect.
std::string local_path_or_root(std::string path) {
  const bool local = !path.empty() && path.front() == '/' && !path.starts_with("//") &&
                     path.find('\\') == std::string::npos;
  return local ? path : std::string(1, '/');
}

}  // namespace

Portal::Portal(Store& store, search::SearchIndex* search, PortalOptions options)
    : store_(store), search_(search), options_(std::move(options)) {}

Result<std::unique_ptr<Portal>> Portal::create(Store& store, search::SearchIndex* search,
                                               PortalOptions options) {
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  std::unique_ptr<Portal> portal(new Portal(store, search, std::move(options)));
  auto templates = Templates::load(portal->options_.assets_dir + "/templates");
  if (!templates) return std::unexpected(templates.error());
  portal->templates_ = std::move(*templates);
  portal->views_ = std::make_unique<Views>(*portal->templates_);
  auto assets = StaticAssets::load(portal->options_.assets_dir, portal->options_.vendor_assets);
  if (!assets) return std::unexpected(assets.error());
  portal->assets_ = std::move(*assets);
  portal->counter_ = std::make_unique<VisitorCounter>(store, &VisitorCounter::local_date_today);
  auto tree = store.sections();
  if (!tree) return std::unexpected(tree.error());
  portal->sections_ = std::make_shared<const SectionTree>(std::move(*tree));
  portal->add_routes();
  portal->add_search_routes();
  portal->add_editor_routes();
  return portal;
}

std::shared_ptr<const SectionTree> Portal::sections() {
  std::lock_guard lock(sections_mutex_);
  return sections_;
}

void Portal::on_changes() {
  if (auto tree = store_.sections()) {
    std::lock_guard lock(sections_mutex_);
    sections_ = std::make_shared<const SectionTree>(std::move(*tree));
  } else {
    spdlog::warn("portal: cannot reload sections: {}", tree.error().message);
  }
  cache_.invalidate();
  counter_->refresh();
}

ViewContext Portal::view_context(const Visit& visit, std::int64_t current_section) {
  ViewContext ctx;
  ctx.lang = visit.lang;
  ctx.config = &options_.config;
  ctx.sections = sections().get();
  ctx.path = visit.request->target;
  ctx.current_section = current_section;
  ctx.asset_version = assets_->version();
  return ctx;
}

http::Response Portal::html(const Visit& visit, int status, const std::string& page) {
  return PageCache::respond_uncached(
      status, page, Views::counter_html(visit.lang, options_.config, visit.counter));
}

http::Response Portal::error_page(const Visit& visit, int status) {
  const std::string key = status == 404   ? "404"
                          : status == 400 ? "400"
                          : status == 403 ? "403"
                          : status == 503 ? "503"
                                          : "500";
  // The section tree stays alive for the render (view_context keeps a raw pointer).
  const auto tree = sections();
  auto ctx = view_context(visit);
  ctx.sections = tree.get();
  const std::string page = views_->message(
      ctx, std::string(i18n::tr(visit.lang, "error." + key + ".title")),
      {std::string(i18n::tr(visit.lang, "error." + key + ".text"))}, "/",
      std::string(i18n::tr(visit.lang, "error.back")));
  auto r = html(visit, status, page);
  if (status == 503) r.set_header("retry-after", "5");
  return r;
}

http::Response Portal::cached(const Visit& visit, const std::string& key,
                              const std::function<Result<Rendered>()>& render,
                              std::string* canonical) {
  const std::string full_key = std::string(i18n::code(visit.lang)) + "|" + key;
  auto entry = cache_.find(full_key);
  if (!entry) {
    const auto generation = cache_.generation();
    auto rendered = render();
    if (!rendered) {
      const int status = http_status_for(rendered.error().kind);
      if (status >= 500) {
        spdlog::error("page {}: {}", visit.request->target, rendered.error().message);
      }
      return error_page(visit, status);
    }
    entry = cache_.insert(full_key, rendered->status, std::move(rendered->html), generation,
                          std::move(rendered->canonical));
  }
  if (canonical) *canonical = PageCache::canonical(*entry);
  return PageCache::respond(
      *entry, visit.counter,
      [&] { return Views::counter_html(visit.lang, options_.config, visit.counter); }, visit.gzip);
}

http::Response Portal::handle(const http::Request& request) {
  const auto lang_cookie = request.cookie("lang");
  const auto lang =
      (lang_cookie ? i18n::parse_lang(*lang_cookie) : std::nullopt)
          .value_or(i18n::parse_lang(options_.config.default_lang).value_or(i18n::Lang::pl));
  const bool gzip = http::accepts_gzip(request.header("accept-encoding").value_or(""));
  const bool is_page = !request.path.starts_with("/static/") &&
                       !request.path.starts_with("/api/") && request.path != "/healthz";
  const std::int64_t counter =
      is_page ? counter_->visit(request.remote_address, request.header("user-agent").value_or(""))
              : counter_->total();
  const Visit visit{lang, gzip, counter, &request};
  try {
    auto match = router_.match(request.method, request.path);
    if (auto* found = std::get_if<RouteFound<PageHandler>>(&match)) {
      return (*found->handler)(visit, found->params);
    }
    if (auto* not_allowed = std::get_if<RouteMethodNotAllowed>(&match)) {
      auto r = http::text_response(405, "method not allowed\n");
      r.set_header("allow", not_allowed->allow);
      return r;
    }
    return error_page(visit, 404);
  } catch (const std::exception& e) {
    spdlog::error("page {}: unexpected exception: {}", request.target, e.what());
    return error_page(visit, 500);
  }
}

Result<PracticeListing> Portal::listing(Result<Page<Practice>> page, int page_number,
                                        int page_size) {
  if (!page) return std::unexpected(page.error());
  PracticeListing list;
  list.page = std::move(*page);
  list.page_number = page_number;
  list.page_size = page_size;
  for (const auto& p : list.page.items) {
    if (list.units.contains(p.unit_id)) continue;
    auto unit = store_.unit(p.unit_id);
    if (!unit) return std::unexpected(unit.error());
    list.units.emplace(p.unit_id, std::move(*unit));
  }
  return list;
}

Result<Portal::Rendered> Portal::render_home(const Visit& visit) {
  auto newest = listing(store_.practices_in_section(0, PracticeSort::newest, {0, 10}), 1, 10);
  if (!newest) return std::unexpected(newest.error());
  auto counts = store_.section_counts();
  if (!counts) return std::unexpected(counts.error());
  return Rendered{200, views_->home(view_context(visit), *newest, *counts), {}};
}

Result<Portal::Rendered> Portal::render_section(const Visit& visit, const Section& section,
                                                PracticeSort sort, int page) {
  constexpr int page_size = 20;
  auto list = listing(
      store_.practices_in_section(section.id, sort, {(page - 1) * page_size, page_size}), page,
      page_size);
  if (!list) return std::unexpected(list.error());
  if (page > 1 && list->page.items.empty()) return fail(ErrorKind::not_found, "page past the end");
  return Rendered{200, views_->section(view_context(visit, section.id), section, *list, sort), {}};
}

Result<Portal::Rendered> Portal::render_practice(const Visit& visit, std::int64_t id,
                                                 PracticeView view) {
  auto practice = store_.practice(id);
  if (!practice) return std::unexpected(practice.error());
  if (practice->status != PracticeStatus::published) {
    return fail(ErrorKind::not_found, fmt::format("practice {} is not published", id));
  }
  if (view == PracticeView::attachments && practice->attachments.empty()) {
    return fail(ErrorKind::not_found, fmt::format("practice {} has no attachments", id));
  }
  auto unit = store_.unit(practice->unit_id);
  if (!unit) return std::unexpected(unit.error());
  const std::int64_t section = practice->section_ids.empty() ? 0 : practice->section_ids.front();
  std::vector<search::Hit> similar, units_like;
  if (search_ && view == PracticeView::summary) {
    // Related lists are a bonus: a practice not indexed yet simply shows none.
    if (auto hits = search_->similar(id, 5)) similar = std::move(*hits);
    if (auto hits = search_->units_like(id, 5)) units_like = std::move(*hits);
  }
  return Rendered{200,
                  views_->practice(view_context(visit, section), *practice, *unit, view, similar,
                                   units_like),
                  fmt::format("{}-{}", practice->id, practice->slug)};
}

Result<Portal::Rendered> Portal::render_unit(const Visit& visit, const std::string& slug) {
  auto unit = store_.unit_by_slug(slug);
  if (!unit) return std::unexpected(unit.error());
  auto practices = store_.practices_of_unit(unit->id);
  if (!practices) return std::unexpected(practices.error());
  Page<Practice> page;
  for (auto& p : *practices) {
    if (p.status == PracticeStatus::published) page.items.push_back(std::move(p));
  }
  page.total = static_cast<std::int64_t>(page.items.size());
  auto list = listing(std::move(page), 1, std::max<int>(1, page.total));
  if (!list) return std::unexpected(list.error());
  return Rendered{200, views_->unit(view_context(visit), *unit, *list), {}};
}

void Portal::add_routes() {
  using M = http::Method;
  router_.add(M::get, "/", [this](const Visit& v, const Params&) {
    return cached(v, "/", [&] { return render_home(v); });
  });
  router_.add(M::get, "/dzialy/{slug}", [this](const Visit& v, const Params& p) {
    const auto tree = sections();
    const Section* section = tree->find_by_slug(p.at("slug"));
    if (!section) return error_page(v, 404);
    const auto sort_text = v.request->param("sort");
    if (!sort_text.empty() && sort_text != "data" && sort_text != "tytul") return error_page(v, 400);
    const auto sort = sort_text == "tytul" ? PracticeSort::title : PracticeSort::newest;
    const auto page = page_param(*v.request);
    if (!page) return error_page(v, 400);
    const Section copy = *section;
    return cached(v, fmt::format("/dzialy/{}|{}|{}", copy.slug, sort_text == "tytul", *page),
                  [&] { return render_section(v, copy, sort, *page); });
  });
  const auto practice_route = [this](PracticeView view) {
    return [this, view](const Visit& v, const Params& p) {
      const auto id = practice_id(p.at("ref"));
      if (!id) return error_page(v, 404);
      std::string canonical;
      auto response = cached(v, fmt::format("/praktyki/{}|{}", *id, static_cast<int>(view)),
                             [&] { return render_practice(v, *id, view); }, &canonical);
      // Old or mistyped slugs redirect to the one permalink.
      if (response.status != 200 || canonical == p.at("ref")) return response;
      std::string target = "/praktyki/" + canonical;
      if (view == PracticeView::full) target += "/pelna-prezentacja";
      if (view == PracticeView::attachments) target += "/zalaczniki";
      return http::redirect(301, target);
    };
  };
  router_.add(M::get, "/praktyki/{ref}", practice_route(PracticeView::summary));
  router_.add(M::get, "/praktyki/{ref}/pelna-prezentacja", practice_route(PracticeView::full));
  router_.add(M::get, "/praktyki/{ref}/zalaczniki", practice_route(PracticeView::attachments));
  router_.add(M::get, "/jednostki/{slug}", [this](const Visit& v, const Params& p) {
    const auto slug = p.at("slug");
    return cached(v, "/jednostki/" + slug, [&] { return render_unit(v, slug); });
  });
  const auto info_page = [this](std::string title_key, std::string text_key, std::string href) {
    return [this, title_key, text_key, href](const Visit& v, const Params&) {
      return cached(v, title_key, [&]() -> Result<Rendered> {
        return Rendered{200, views_->message(view_context(v), std::string(i18n::tr(v.lang, title_key)),
                                             {std::string(i18n::tr(v.lang, text_key))}, href,
                                             href),
                        {}};
      });
    };
  };
  router_.add(M::get, "/mapa", info_page("nav.map", "placeholder.text", ""));
  router_.add(M::get, "/publikacje", info_page("nav.publications", "placeholder.text", ""));
  router_.add(M::get, "/inne-bazy", info_page("nav.other_databases", "placeholder.text", ""));
  router_.add(M::get, "/smup", info_page("nav.smup", "smup.text", "https://www.smup.gov.pl"));
  router_.add(M::get, "/deklaracja-dostepnosci", [this](const Visit& v, const Params&) {
    return cached(v, "/deklaracja-dostepnosci", [&]() -> Result<Rendered> {
      return Rendered{200, views_->accessibility(view_context(v)), {}};
    });
  });
  router_.add(M::get, "/jezyk/{lang}", [this](const Visit& v, const Params& p) {
    const auto lang = i18n::parse_lang(p.at("lang"));
    if (!lang) return error_page(v, 404);
    // Back to the page the visitor was on; only local paths (never "//host").
    auto r = http::redirect(303, local_path_or_root(v.request->param("wroc")));
    r.set_header("set-cookie", fmt::format("lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
                                           i18n::code(*lang)));
    return r;
  });
  router_.add(M::get, "/static/{a}", [this](const Visit& v, const Params& p) {
    return assets_->serve(p.at("a"), v.gzip);
  });
  router_.add(M::get, "/static/{a}/{b}", [this](const Visit& v, const Params& p) {
    return assets_->serve(fmt::format("{}/{}", p.at("a"), p.at("b")), v.gzip);
  });
  router_.add(M::get, "/static/{a}/{b}/{c}", [this](const Visit& v, const Params& p) {
    return assets_->serve(fmt::format("{}/{}/{}", p.at("a"), p.at("b"), p.at("c")), v.gzip);
  });
  // Old portal addresses (index.php?p1=..&p2=..&art=<id>&s=<tab>) keep working: 301 to the
  // permalink of the imported practice (which kept its old id) and the matching view.
  router_.add(M::get, "/index.php", [this](const Visit& v, const Params&) {
    const auto address = legacy::parse_legacy_address(v.request->query);
    if (!address) {
      // A section address of the old menu (p1, p2), or the old home page.
      const auto tree = sections();
      const auto p1 = v.request->param("p1"), p2 = v.request->param("p2");
      const Section* section = tree->find_by_legacy_key(p2.empty() ? "p1=" + p1 : "p1=" + p1 + "&p2=" + p2);
      return http::redirect(301, section ? section_path(*section) : std::string(1, '/'));
    }
    // The importer keys practices by their old id: an old id already taken by another record
    // was given a new id, so look the page up by its key, never by the id alone.
    auto practice = store_.practice_by_source_key(fmt::format("legacy:art:{}", address->art));
    if (!practice) {
      const int status = http_status_for(practice.error().kind);
      return error_page(v, status == 400 ? 404 : status);
    }
    if (practice->status != PracticeStatus::published) return error_page(v, 404);
    std::string target = practice_path(*practice);
    if (address->tab == legacy::tab_presentation) target += "/pelna-prezentacja";
    if (address->tab == legacy::tab_attachments && !practice->attachments.empty()) target += "/zalaczniki";
    return http::redirect(301, target);
  });
  router_.add(M::get, "/healthz", [this](const Visit&, const Params&) {
    auto seq = store_.last_change_seq();
    if (!seq) {
      return http::text_response(503, fmt::format("{{\"status\":\"unavailable\"}}\n"),
                                 "application/json");
    }
    auto r = http::text_response(200, fmt::format("{{\"status\":\"ok\",\"change_seq\":{}}}\n", *seq),
                                 "application/json");
    r.set_header("cache-control", "no-store");
    return r;
  });
}

}  // namespace bdp::web
