// "Inne bazy danych": the public page /inne-bazy (cached, tagged kLinksTag) and the back
// office's /redakcja/linki — the list with the last checks, broken links first, and the forms
// that add, edit and delete a link. Each change and its audit entry are one transaction.
#include <fmt/format.h>

#include <charconv>

#include "core/text.h"
#include "store/link_validate.h"
#include "web/cache_tags.h"
#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

using workflow::Action;

std::string entity_of(std::int64_t id) {
  return fmt::format("link:{}", id);
}

Result<std::int64_t> link_id_of(const Params& params) {
  const auto& text = params.at("id");
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return fail(ErrorKind::not_found, "no link " + text);
  }
  return id;
}

// The link a form describes, and whether its position was a number.
struct PostedLink {
  Link link;
  bool position_ok = true;
};

PostedLink posted_link(const http::FormFields& fields, std::int64_t id) {
  const auto field = [&](const char* name) {
    return trimmed(http::form_field(fields, name).value_or(""));
  };
  PostedLink posted;
  Link& l = posted.link;
  l.id = id;
  l.name = field("nazwa");
  l.url = field("adres");
  l.description = field("opis");
  l.language = field("jezyk");
  for (char& c : l.language) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (l.language.empty()) l.language = "pl";
  l.category = field("kategoria");
  const std::string position = field("pozycja");
  if (!position.empty()) {
    const auto [end, ec] =
        std::from_chars(position.data(), position.data() + position.size(), l.position);
    posted.position_ok = ec == std::errc() && end == position.data() + position.size();
  }
  return posted;
}

const char* problem_key(LinkProblem problem) {
  switch (problem) {
    case LinkProblem::name:
      return "desk.links_problem.name";
    case LinkProblem::url:
      return "desk.links_problem.url";
    case LinkProblem::description:
      return "desk.links_problem.description";
    case LinkProblem::language:
      return "desk.links_problem.language";
    case LinkProblem::category:
      return "desk.links_problem.category";
    case LinkProblem::position:
      return "desk.links_problem.position";
    case LinkProblem::check:
      return "desk.links_problem.check";
  }
  return "desk.links_problem.check";
}

// The desk page with `page`'s form (the list read here unless editing), answered with `status`.
http::Response links_page(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                          LinksDeskPage page) {
  if (!page.editing) {
    auto links = site.store.links();
    if (!links) return site.error(visit, links.error());
    page.links = std::move(*links);
  }
  const auto tree = site.sections();
  return desk_page(
      site, visit, status,
      site.views.desk_links(site.view_context(visit, *tree), desk_menu(desk, visit.lang), page));
}

http::Response list_page(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, Action::manage_links);
  if (!admission.desk) return admission.refusal;
  const std::string state = visit.request.param("stan");
  if (!state.empty() && state != "niedzialajace") {
    return site.error(visit, Error{ErrorKind::not_found, "no link list " + state});
  }
  LinksDeskPage page;
  page.only_broken = state == "niedzialajace";
  return links_page(site, visit, *admission.desk, 200, std::move(page));
}

http::Response edit(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::manage_links);
  if (!admission.desk) return admission.refusal;
  auto id = link_id_of(params);
  if (!id) return site.error(visit, id.error());
  auto link = site.store.link(*id);
  if (!link) return site.error(visit, link.error());
  LinksDeskPage page;
  page.editing = true;
  page.form = std::move(*link);
  return links_page(site, visit, *admission.desk, 200, std::move(page));
}

// Saves the posted link (id 0: a new one) with its audit entry; a refused form comes back
// with what was typed.
http::Response save(Site& site, const Visit& visit, std::int64_t id) {
  auto admission = admit(site, visit, Action::manage_links);
  if (!admission.desk) return admission.refusal;
  const DeskVisit& desk = *admission.desk;
  auto fields = desk_form(site, visit, desk);
  if (!fields) return site.error(visit, fields.error());
  auto posted = posted_link(*fields, id);
  const auto problem =
      posted.position_ok ? find_link_problem(posted.link) : std::optional(LinkProblem::position);
  if (problem) {
    LinksDeskPage page;
    page.editing = id != 0;
    page.form = std::move(posted.link);
    page.error = std::string(i18n::tr(visit.lang, problem_key(*problem)));
    return links_page(site, visit, desk, 400, std::move(page));
  }
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    if (id != 0) {
      if (auto old = w.link(id); !old) return std::unexpected(old.error());
    }
    auto saved = w.save_link(posted.link);
    if (!saved) return std::unexpected(saved.error());
    return w.append_audit(audit_by(desk, now, id ? "link:update" : "link:create", entity_of(*saved),
                                   posted.link.name + " " + posted.link.url));
  });
  if (!written) return site.error(visit, written.error());
  return see_other("/redakcja/linki");
}

http::Response delete_form(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::manage_links);
  if (!admission.desk) return admission.refusal;
  const DeskVisit& desk = *admission.desk;
  auto id = link_id_of(params);
  if (!id) return site.error(visit, id.error());
  auto fields = desk_form(site, visit, desk);
  if (!fields) return site.error(visit, fields.error());
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto old = w.link(*id);
    if (!old) return std::unexpected(old.error());
    if (auto deleted = w.delete_link(*id); !deleted) return deleted;
    return w.append_audit(
        audit_by(desk, now, "link:delete", entity_of(*id), old->name + " " + old->url));
  });
  if (!written) return site.error(visit, written.error());
  return see_other("/redakcja/linki");
}

Result<Rendered> render_other_databases(Site& site, const Visit& visit) {
  auto links = site.store.links();
  if (!links) return std::unexpected(links.error());
  const auto tree = site.sections();
  return Rendered{
      200, site.views.other_databases(site.view_context(visit, *tree), *links), {}, {kLinksTag}};
}

}  // namespace

void add_link_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, "/inne-bazy", page([](Site& s, const Visit& v, const Params&) {
               return s.cached_page(v, "/inne-bazy", [&] { return render_other_databases(s, v); });
             }));
  routes.add(M::get, "/redakcja/linki",
             page([](Site& s, const Visit& v, const Params&) { return list_page(s, v); }));
  routes.add(M::post, "/redakcja/linki",
             page([](Site& s, const Visit& v, const Params&) { return save(s, v, 0); }));
  routes.add(M::get, "/redakcja/linki/{id}", page(edit));
  routes.add(M::post, "/redakcja/linki/{id}", page([](Site& s, const Visit& v, const Params& p) {
               auto id = link_id_of(p);
               if (!id) return s.error(v, id.error());
               return save(s, v, *id);
             }));
  routes.add(M::post, "/redakcja/linki/{id}/usun", page(delete_form));
}

}  // namespace bdp::web
