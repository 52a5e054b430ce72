// A practice's revisions in the back office: the list, two of them compared field by field, and
// restoring one, which saves its content as the working copy's new revision (with its audit
// entry, in one transaction) and never publishes: a published practice's restored revision
// becomes its pending revision, an archived practice is not restored over.
#include <fmt/format.h>

#include <charconv>

#include "web/review_forms.h"
#include "web/route_families.h"
#include "workflow/revision_compare.h"

namespace bdp::web {
namespace {

using workflow::Action;

std::string revisions_path(std::int64_t practice_id) {
  return review_path(practice_id) + "/wersje";
}

// A revision number as typed: nullopt unless a decimal number in 0..2^31.
std::optional<int> number_of(const std::string& text) {
  int number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size() || number < 0) return std::nullopt;
  return number;
}

http::Response revisions_page(Site& site, const Visit& visit, const DeskVisit& desk,
                              std::int64_t id, int status, const std::string& error) {
  auto practice = site.store.practice(id);
  if (!practice) return site.error(visit, practice.error());
  auto revisions = site.store.revisions(id);
  if (!revisions) return site.error(visit, revisions.error());
  RevisionsPage page;
  page.practice = std::move(*practice);
  page.revisions = std::move(*revisions);
  page.may_restore = workflow::allowed(desk.editor.role, Action::restore_revision);
  page.restorable = page.practice.status != PracticeStatus::archived;
  if (auto pending = site.store.pending_revision(id)) {
    page.pending = pending->number;
  } else if (pending.error().kind != ErrorKind::not_found) {
    return site.error(visit, pending.error());
  }
  page.error = error;
  const auto tree = site.sections();
  return desk_page(
      site, visit, status,
      site.views.revisions(site.view_context(visit, *tree), desk_menu(desk, visit.lang), page));
}

http::Response list(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::view_queue);
  if (!admission.desk) return admission.refusal;
  auto id = practice_id_of(params);
  if (!id) return site.error(visit, id.error());
  return revisions_page(site, visit, *admission.desk, *id, 200, "");
}

// The fields as an editor reads them: the unit and the sections by name.
std::vector<ContentField> readable(Site& site, const SectionTree& tree,
                                   std::vector<ContentField> fields) {
  for (auto& f : fields) {
    if (f.key != "unit_id" && f.key != "sections") continue;
    auto parsed = with_content(Practice{}, {f});
    if (!parsed) continue;
    if (f.key == "unit_id") {
      if (auto unit = site.store.unit(parsed->unit_id)) {
        f.value = fmt::format("{} ({})", unit->name, f.value);
      }
      continue;
    }
    std::string names;
    for (auto section_id : parsed->section_ids) {
      const Section* section = tree.find(section_id);
      if (!names.empty()) names += '\n';
      names += section ? section->name : std::to_string(section_id);
    }
    f.value = std::move(names);
  }
  return fields;
}

http::Response compare(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::view_queue);
  if (!admission.desk) return admission.refusal;
  auto id = practice_id_of(params);
  if (!id) return site.error(visit, id.error());
  auto practice = site.store.practice(*id);
  if (!practice) return site.error(visit, practice.error());
  auto all = site.store.revisions(*id);
  if (!all) return site.error(visit, all.error());
  if (all->empty()) return site.error(visit, Error{ErrorKind::not_found, "no revisions"});
  const auto to_number = visit.request.param("do").empty() ? std::optional(all->back().number)
                                                           : number_of(visit.request.param("do"));
  const auto from_number = visit.request.param("od").empty() && to_number
                               ? std::optional(*to_number - 1)
                               : number_of(visit.request.param("od"));
  if (!to_number || !from_number || *to_number == 0) {
    return site.error(visit, Error{ErrorKind::invalid_input, "revision numbers expected"});
  }
  RevisionComparePage page;
  page.practice = std::move(*practice);
  auto to = site.store.revision(*id, *to_number);
  if (!to) return site.error(visit, to.error());
  page.to = std::move(*to);
  if (*from_number > 0) {
    auto from = site.store.revision(*id, *from_number);
    if (!from) return site.error(visit, from.error());
    page.from = std::move(*from);
  }
  const auto tree = site.sections();
  page.changes = workflow::compare_fields(readable(site, *tree, page.from.fields),
                                          readable(site, *tree, page.to.fields));
  return desk_page(site, visit, 200,
                   site.views.revision_compare(site.view_context(visit, *tree),
                                               desk_menu(*admission.desk, visit.lang), page));
}

http::Response restore(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  const auto number = number_of(http::form_field(form.fields, "wersja").value_or(""));
  if (!number || *number == 0) {
    return revisions_page(site, visit, desk, form.id, 400,
                          std::string(i18n::tr(visit.lang, "rev.pick_one")));
  }
  auto revision = site.store.revision(form.id, *number);
  if (!revision) return site.error(visit, revision.error());
  const std::string reason = http::form_field(form.fields, "powod").value_or("");
  const auto now = unix_now();
  const char* refusal = nullptr;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto practice = w.practice(form.id);
    if (!practice) return std::unexpected(practice.error());
    if (practice->status == PracticeStatus::archived) {
      refusal = "rev.public";
      return fail(ErrorKind::conflict, "an archived practice is not restored over");
    }
    auto restored = with_content(*practice, revision->fields);
    if (!restored) return std::unexpected(restored.error());
    if (content_fields(*restored) == content_fields(*practice)) {
      refusal = "rev.current";
      return fail(ErrorKind::conflict, "the revision is the current content");
    }
    if (practice->status == PracticeStatus::published) {
      auto proposed = w.propose_revision(*restored, noted_by(desk, now, reason));
      if (!proposed) return std::unexpected(proposed.error());
    } else if (auto saved = w.save_practice(*restored, noted_by(desk, now, reason)); !saved) {
      return std::unexpected(saved.error());
    }
    return w.append_audit(audit_by(desk, now, "restore", practice_entity(form.id),
                                   fmt::format("revision {}: {}", *number, reason)));
  });
  if (refusal) {
    return revisions_page(site, visit, desk, form.id, 409,
                          std::string(i18n::tr(visit.lang, refusal)));
  }
  if (!written) return site.error(visit, written.error());
  return see_other(revisions_path(form.id));
}

}  // namespace

void add_revision_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, "/redakcja/praktyki/{id}/wersje", page(list));
  routes.add(M::get, "/redakcja/praktyki/{id}/wersje/porownaj", page(compare));
  routes.add(M::post, "/redakcja/praktyki/{id}/wersje/przywroc",
             form_route(site, Action::restore_revision, restore));
}

}  // namespace bdp::web
