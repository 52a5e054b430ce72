// The public pages: home, sections, practices (three views), units, info pages (/inne-bazy is
// in link_routes.cpp), the language switch and the old portal's addresses. Pages are served through
// the page cache, tagged with the entities they show (cache_tags.h).
#include <fmt/format.h>

#include <algorithm>

#include "core/slug.h"
#include "core/url.h"
#include "legacy/legacy_address.h"
#include "web/adoption_links.h"
#include "web/cache_tags.h"
#include "web/desk.h"
#include "web/language_path.h"
#include "web/page_number.h"
#include "web/route_families.h"
#include "web/views/local_time.h"
#include "workflow/assessment_summary.h"
#include "workflow/verification_schedule.h"

namespace bdp::web {
namespace {

Error bad_request(std::string why) {
  return Error{ErrorKind::invalid_input, std::move(why)};
}
Error no_page(std::string why) {
  return Error{ErrorKind::not_found, std::move(why)};
}

// A page of practices with the units they name; the tags of the practices and units shown are
// added to `tags`.
Result<PracticeListing> listing(Store& store, Result<Page<Practice>> page, int page_number,
                                int page_size, std::vector<std::string>& tags) {
  if (!page) return std::unexpected(page.error());
  PracticeListing list;
  list.page = std::move(*page);
  list.page_number = page_number;
  list.page_size = page_size;
  if (!list.page.items.empty()) {
    auto counts = store.adoption_counts();
    if (!counts) return std::unexpected(counts.error());
    list.adoptions.insert(counts->begin(), counts->end());
  }
  for (const auto& p : list.page.items) {
    tags.push_back(practice_tag(p.id));
    if (list.units.contains(p.unit_id)) continue;
    auto unit = store.unit(p.unit_id);
    if (!unit) return std::unexpected(unit.error());
    tags.push_back(unit_tag(p.unit_id));
    list.units.emplace(p.unit_id, std::move(*unit));
  }
  return list;
}

Result<Rendered> render_home(Site& site, const Visit& visit) {
  Rendered out;
  out.tags = {kHomeTag};
  auto newest =
      listing(site.store, site.store.practices_in_section(0, PracticeSort::newest, {0, 10}), 1, 10,
              out.tags);
  if (!newest) return std::unexpected(newest.error());
  auto counts = site.store.section_counts();
  if (!counts) return std::unexpected(counts.error());
  const auto tree = site.sections();
  out.html = site.views.home(site.view_context(visit, *tree), *newest, *counts);
  return out;
}

Result<Rendered> render_section(Site& site, const Visit& visit, const Section& section,
                                PracticeSort sort, int page) {
  constexpr int page_size = 20;
  const auto tree = site.sections();
  Rendered out;
  out.tags = listing_tags(*tree, section.id);
  auto list = listing(
      site.store,
      site.store.practices_in_section(section.id, sort, {(page - 1) * page_size, page_size}), page,
      page_size, out.tags);
  if (!list) return std::unexpected(list.error());
  if (page > 1 && list->page.items.empty()) return std::unexpected(no_page("page past the end"));
  out.html = site.views.section(site.view_context(visit, *tree, section.id), section, *list, sort);
  return out;
}

// What the practice's page says of its data's verification: the dates confirmed, and a notice
// when long overdue. The page is dropped when a date changes (a change of the practice); the
// notice appearing with time alone waits for the next change or restart (docs/verification.md).
Result<PracticeFreshness> freshness_of(Site& site, const Practice& practice) {
  auto v = site.store.verification(practice.id);
  if (!v) return std::unexpected(v.error());
  const auto date = [](std::int64_t at) {
    return at > 0 ? local_time(at).substr(0, 10) : std::string();
  };
  const VerificationItem item{practice.id, practice.title, "", practice.updated_at, *v};
  return PracticeFreshness{
      date(v->content_verified_at), date(v->contacts_verified_at),
      workflow::verification_state(item, unix_now(), site.config.verification_months) ==
          workflow::VerificationState::long_overdue};
}

// The criteria of the practice's expert assessment its page shows: none unless an editor
// disclosed it, then those someone scored, each with its mean; no reviewer is named.
Result<std::vector<workflow::CriterionSummary>> disclosed_assessment(Site& site, std::int64_t id) {
  auto disclosed = site.store.assessment_disclosed(id);
  if (!disclosed) return std::unexpected(disclosed.error());
  if (!*disclosed) return std::vector<workflow::CriterionSummary>{};
  auto all = site.store.assessments(id);
  if (!all) return std::unexpected(all.error());
  auto lines = workflow::summarise(current_criteria(), *all);
  std::erase_if(lines, [](const workflow::CriterionSummary& line) { return line.count == 0; });
  return lines;
}

Result<Rendered> render_practice(Site& site, const Visit& visit, std::int64_t id,
                                 PracticeView view) {
  auto practice = site.store.practice(id);
  if (!practice) return std::unexpected(practice.error());
  if (!has_public_page(practice->status)) {
    return std::unexpected(no_page(fmt::format("practice {} is not published", id)));
  }
  auto documents = site.store.documents().documents_of_practice(id);
  if (!documents) return std::unexpected(documents.error());
  std::erase_if(*documents, [](const Document& d) { return !current_version(d); });
  if (view == PracticeView::attachments && practice->attachments.empty() && documents->empty()) {
    return std::unexpected(no_page(fmt::format("practice {} has no attachments", id)));
  }
  auto unit = site.store.unit(practice->unit_id);
  if (!unit) return std::unexpected(unit.error());
  Rendered out;
  out.tags = {practice_tag(id), unit_tag(unit->id)};
  const std::int64_t section = practice->section_ids.empty() ? 0 : practice->section_ids.front();
  std::vector<search::Hit> similar, units_like;
  if (site.search && view == PracticeView::summary) {
    // Related lists are a bonus: a practice not indexed yet simply shows none.
    if (auto hits = site.search->similar(id, 5)) similar = std::move(*hits);
    if (auto hits = site.search->units_like(id, 5)) units_like = std::move(*hits);
    for (const auto* hits : {&similar, &units_like}) {
      for (const auto& hit : *hits) out.tags.push_back(practice_tag(hit.id));
    }
  }
  PracticeAdoptions adoptions;
  if (view == PracticeView::summary) {
    auto read = practice_adoptions(site.store, id, out.tags);
    if (!read) return std::unexpected(read.error());
    adoptions = std::move(*read);
  }
  std::vector<workflow::CriterionSummary> assessment;
  if (view == PracticeView::summary) {
    auto read = disclosed_assessment(site, id);
    if (!read) return std::unexpected(read.error());
    assessment = std::move(*read);
  }
  auto freshness = freshness_of(site, *practice);
  if (!freshness) return std::unexpected(freshness.error());
  const auto tree = site.sections();
  out.html =
      site.views.practice(site.view_context(visit, *tree, section), *practice, *unit, view, similar,
                          units_like, *documents, adoptions, *freshness, assessment);
  out.canonical = fmt::format("{}-{}", practice->id, practice->slug);
  return out;
}

Result<Rendered> render_unit(Site& site, const Visit& visit, const std::string& slug) {
  auto unit = site.store.unit_by_slug(slug);
  if (!unit) return std::unexpected(unit.error());
  auto practices = site.store.practices_of_unit(unit->id);
  if (!practices) return std::unexpected(practices.error());
  Page<Practice> page;
  for (auto& p : *practices) {
    if (p.status == PracticeStatus::published) page.items.push_back(std::move(p));
  }
  page.total = static_cast<std::int64_t>(page.items.size());
  Rendered out;
  out.tags = {unit_tag(unit->id), unit_practices_tag(unit->id)};
  const int per_page = std::max(1, static_cast<int>(page.items.size()));  // all on one page
  auto list = listing(site.store, std::move(page), 1, per_page, out.tags);
  if (!list) return std::unexpected(list.error());
  const auto tree = site.sections();
  out.html = site.views.unit(site.view_context(visit, *tree), *unit, *list);
  return out;
}

Handler practice_route(Site& site, PracticeView view) {
  return [&site, view](const Visit& v, const Params& p) {
    const auto id = id_of_reference(p.at("ref"));
    if (!id) return site.error(v, no_page("not a practice reference: " + p.at("ref")));
    auto entry = site.cached(v, fmt::format("/praktyki/{}|{}", *id, static_cast<int>(view)),
                             [&] { return render_practice(site, v, *id, view); });
    if (!entry) return site.error(v, entry.error());
    // Old or mistyped slugs redirect to the one permalink.
    const auto& canonical = PageCache::canonical(**entry);
    if (canonical == p.at("ref")) return site.respond(v, **entry);
    std::string target = "/praktyki/" + canonical;
    if (view == PracticeView::full) target += "/pelna-prezentacja";
    if (view == PracticeView::attachments) target += "/zalaczniki";
    return http::redirect(301, target);
  };
}

// A page of one heading and one paragraph (the parts of the portal still to come, SMUP).
Handler info_route(Site& site, std::string title_key, std::string text_key, std::string href) {
  return [&site, title_key, text_key, href](const Visit& v, const Params&) {
    return site.cached_page(v, title_key, [&]() -> Result<Rendered> {
      const auto tree = site.sections();
      return Rendered{
          200,
          site.views.message(site.view_context(v, *tree), std::string(i18n::tr(v.lang, title_key)),
                             {std::string(i18n::tr(v.lang, text_key))}, href, href),
          {},
          {}};
    });
  };
}

// Old portal addresses (index.php?p1=..&p2=..&art=<id>&s=<tab>) keep working: 301 to the
// permalink of the imported practice (which kept its old id) and the matching view.
http::Response legacy_redirect(Site& site, const Visit& v) {
  const auto address = legacy::parse_legacy_address(v.request.query);
  if (!address) {
    // A section address of the old menu (p1, p2), or the old home page.
    const auto tree = site.sections();
    const auto p1 = v.request.param("p1"), p2 = v.request.param("p2");
    const Section* section =
        tree->find_by_legacy_key(p2.empty() ? "p1=" + p1 : "p1=" + p1 + "&p2=" + p2);
    return http::redirect(301, section ? section_path(*section) : std::string(1, '/'));
  }
  // The importer keys practices by their old id: an old id already taken by another record
  // was given a new id, so look the page up by its key, never by the id alone.
  auto practice = site.store.practice_by_source_key(fmt::format("legacy:art:{}", address->art));
  if (!practice) {
    Error e = practice.error();
    if (e.kind == ErrorKind::invalid_input) e.kind = ErrorKind::not_found;  // an odd old id
    return site.error(v, e);
  }
  if (!has_public_page(practice->status)) {
    return site.error(v, no_page("legacy address of an unpublished practice"));
  }
  std::string target = practice_path(*practice);
  if (address->tab == legacy::tab_presentation) target += "/pelna-prezentacja";
  if (address->tab == legacy::tab_attachments && !practice->attachments.empty())
    target += "/zalaczniki";
  return http::redirect(301, target);
}

// The 301 to where a retired slug of a unit or section now points (a renamed or merged one);
// nullopt when `slug` was never retired.
Result<std::optional<std::string>> moved_to(Site& site, EntityKind kind, const std::string& slug) {
  auto target = site.store.retired_slug(kind, slug);
  if (!target) {
    if (target.error().kind == ErrorKind::not_found) return std::nullopt;
    return std::unexpected(target.error());
  }
  if (kind == EntityKind::unit) {
    auto unit = site.store.unit(*target);
    if (!unit) return std::unexpected(unit.error());
    return unit_path(*unit);
  }
  auto sections = site.store.sections();
  if (!sections) return std::unexpected(sections.error());
  const auto found = std::ranges::find(*sections, *target, &Section::id);
  if (found == sections->end()) return fail(ErrorKind::not_found, "no section " + slug);
  return section_path(*found);
}

// A page of a unit or section that is not there: 301 when its slug was retired, else `missing`.
http::Response moved_or(Site& site, const Visit& v, EntityKind kind, const std::string& slug,
                        const Error& missing) {
  if (missing.kind != ErrorKind::not_found) return site.error(v, missing);
  auto moved = moved_to(site, kind, slug);
  if (!moved) return site.error(v, moved.error());
  if (!*moved) return site.error(v, missing);
  return http::redirect(301, **moved);
}

}  // namespace

void add_public_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [](Handler h) { return Route{RouteKind::page, std::move(h)}; };
  routes.add(M::get, "/", page([&site](const Visit& v, const Params&) {
               return site.cached_page(v, "/", [&] { return render_home(site, v); });
             }));
  routes.add(M::get, "/dzialy/{slug}", page([&site](const Visit& v, const Params& p) {
               const auto tree = site.sections();
               const Section* section = tree->find_by_slug(p.at("slug"));
               if (!section) {
                 return moved_or(site, v, EntityKind::section, p.at("slug"),
                                 no_page("no section " + p.at("slug")));
               }
               const auto sort_text = v.request.param("sort");
               if (!sort_text.empty() && sort_text != "data" && sort_text != "tytul") {
                 return site.error(v, bad_request("unknown sort " + sort_text));
               }
               const auto sort = sort_text == "tytul" ? PracticeSort::title : PracticeSort::newest;
               const auto number = page_number(v.request);
               if (!number) return site.error(v, bad_request("bad page number"));
               const Section copy = *section;
               return site.cached_page(
                   v, fmt::format("/dzialy/{}|{}|{}", copy.slug, sort_text == "tytul", *number),
                   [&] { return render_section(site, v, copy, sort, *number); });
             }));
  routes.add(M::get, "/praktyki/{ref}", page(practice_route(site, PracticeView::summary)));
  routes.add(M::get, "/praktyki/{ref}/pelna-prezentacja",
             page(practice_route(site, PracticeView::full)));
  routes.add(M::get, "/praktyki/{ref}/zalaczniki",
             page(practice_route(site, PracticeView::attachments)));
  routes.add(M::get, "/jednostki/{slug}", page([&site](const Visit& v, const Params& p) {
               const auto slug = p.at("slug");
               auto entry =
                   site.cached(v, "/jednostki/" + slug, [&] { return render_unit(site, v, slug); });
               if (!entry) return moved_or(site, v, EntityKind::unit, slug, entry.error());
               return site.respond(v, **entry);
             }));
  routes.add(M::get, "/smup",
             page(info_route(site, "nav.smup", "smup.text", "https://www.smup.gov.pl")));
  routes.add(
      M::get, "/deklaracja-dostepnosci", page([&site](const Visit& v, const Params&) {
        return site.cached_page(v, "/deklaracja-dostepnosci", [&]() -> Result<Rendered> {
          const auto tree = site.sections();
          return Rendered{200, site.views.accessibility(site.view_context(v, *tree)), {}, {}};
        });
      }));
  routes.add(M::get, "/jezyk/{lang}", page([&site](const Visit& v, const Params& p) {
               const auto lang = i18n::parse_lang(p.at("lang"));
               if (!lang) return site.error(v, no_page("no language " + p.at("lang")));
               // Back to the page the visitor was on, in the chosen language; only local paths
               // (never "//host").
               const auto back = local_redirect_target(v.request.param("wroc"));
               auto r = http::redirect(
                   303, local_redirect_target(localized_path(split_language(back).path, *lang)));
               r.set_header("set-cookie",
                            fmt::format("lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
                                        i18n::code(*lang)));
               return r;
             }));
  routes.add(M::get, "/index.php",
             page([&site](const Visit& v, const Params&) { return legacy_redirect(site, v); }));
}

}  // namespace bdp::web
