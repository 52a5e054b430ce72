// A practice's text in the back office (/redakcja/praktyki/{id}/tresc). An unpublished practice's
// form saves its working copy. A published practice keeps showing its published text while its
// next revision is pending: the form edits that pending revision, or fixes the published text at
// once (a reason required), which leaves the pending revision as it is; publishing the pending
// revision then keeps each fix of a field it left alone (workflow/pending_merge.h). Each write
// and its audit entry are one transaction.
#include <fmt/format.h>

#include "core/text.h"
#include "web/content_form.h"
#include "web/review_forms.h"
#include "web/route_families.h"
#include "workflow/pending_merge.h"

namespace bdp::web {
namespace {

using workflow::Action;

// What the form edits, as asked (`cel`): a published practice's pending revision unless its
// published text is named.
ContentTarget target_of(const Practice& practice, const std::string& asked) {
  if (practice.status != PracticeStatus::published) return ContentTarget::working_copy;
  return asked == "opublikowana" ? ContentTarget::published : ContentTarget::pending;
}

// The page of the form over `practice` as stored, editing `target`: the values shown are the
// stored text of the target (the pending revision's, or the published text when none) with a
// blank contact and attachment to add.
Result<ContentEditorPage> editor_page(Site& site, Practice practice, ContentTarget target) {
  ContentEditorPage page;
  page.target = target;
  page.values = content_fields(practice);
  if (practice.status == PracticeStatus::published) {
    auto pending = site.store.pending_revision(practice.id);
    if (pending) {
      page.has_pending = true;
      if (target == ContentTarget::pending) {
        auto revision = site.store.revision(practice.id, pending->number);
        if (!revision) return std::unexpected(revision.error());
        page.values = std::move(revision->fields);
      }
    } else if (pending.error().kind != ErrorKind::not_found) {
      return std::unexpected(pending.error());
    }
  }
  page.values = with_blank_items(std::move(page.values));
  page.practice = std::move(practice);
  return page;
}

http::Response editor_response(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                               const ContentEditorPage& page) {
  const auto tree = site.sections();
  return desk_page(site, visit, status,
                   site.views.content_editor(site.view_context(visit, *tree),
                                             desk_menu(desk, visit.lang), page));
}

// An archived practice's text is not edited: it goes back to published first.
Status editable(const Practice& practice) {
  if (practice.status == PracticeStatus::archived) {
    return fail(ErrorKind::conflict, "an archived practice is not edited");
  }
  return {};
}

http::Response show(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::edit_content);
  if (!admission.desk) return admission.refusal;
  auto id = practice_id_of(params);
  if (!id) return site.error(visit, id.error());
  auto practice = site.store.practice(*id);
  if (!practice) return site.error(visit, practice.error());
  if (auto ok = editable(*practice); !ok) return site.error(visit, ok.error());
  const auto target = target_of(*practice, visit.request.param("cel"));
  auto page = editor_page(site, std::move(*practice), target);
  if (!page) return site.error(visit, page.error());
  return editor_response(site, visit, *admission.desk, 200, *page);
}

// Saves `checked` as `target` of practice `id` in one transaction with its audit entry. A
// conflict refuses it with the message `refusal` names: the practice changed state since the
// form was drawn, or the pending revision would be the published text.
Status save_content(Site& site, const DeskVisit& desk, std::int64_t id, ContentTarget target,
                    const Practice& checked, const std::string& reason, const char*& refusal) {
  const auto now = unix_now();
  return site.store.write([&](Writer& w) -> Status {
    auto stored = w.practice(id);
    if (!stored) return std::unexpected(stored.error());
    const bool published = stored->status == PracticeStatus::published;
    if (!editable(*stored) || published != (target != ContentTarget::working_copy)) {
      refusal = "content.error.state_changed";
      return fail(ErrorKind::conflict, "the practice changed state since the form was drawn");
    }
    Practice content = checked;
    content.status = stored->status;
    const char* action = "content:edit";
    if (target == ContentTarget::pending) {
      auto proposed = w.propose_revision(content, noted_by(desk, now, reason));
      if (!proposed) {
        if (proposed.error().kind == ErrorKind::conflict) refusal = "content.error.unchanged";
        return std::unexpected(proposed.error());
      }
      action = "content:propose";
    } else {
      auto saved = w.save_practice(content, noted_by(desk, now, reason));
      if (!saved) return std::unexpected(saved.error());
      if (target == ContentTarget::published) action = "content:fix";
    }
    return w.append_audit(audit_by(desk, now, action, practice_entity(id), reason));
  });
}

http::Response save(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  auto practice = site.store.practice(form.id);
  if (!practice) return site.error(visit, practice.error());
  if (auto ok = editable(*practice); !ok) return site.error(visit, ok.error());
  const auto target = target_of(*practice, http::form_field(form.fields, "cel").value_or(""));
  auto page = editor_page(site, *practice, target);
  if (!page) return site.error(visit, page.error());
  page->values = posted_content(form.fields, page->values);
  page->reason = trimmed(http::form_field(form.fields, "powod").value_or(""));
  auto checked = check_content(page->values, *practice, *site.sections());
  page->errors = std::move(checked.errors);
  const FieldSpec reason_spec = field_spec("powod", "content.reason", FieldKind::text,
                                           target == ContentTarget::published, 2000);
  if (auto message = field_message(reason_spec, page->reason); !message.empty()) {
    page->errors.push_back({"powod", std::move(message)});
  }
  if (!page->errors.empty()) return editor_response(site, visit, desk, 400, *page);
  const char* refusal = nullptr;
  auto written = save_content(site, desk, form.id, target, checked.practice, page->reason, refusal);
  if (refusal) {
    page->errors.push_back({"title", refusal});
    return editor_response(site, visit, desk, 409, *page);
  }
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id));
}

// Publishes the pending revision merged with the fixes of the published text since its base.
http::Response publish_pending(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  const auto now = unix_now();
  bool gone = false;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto pending = w.pending_revision(form.id);
    auto live = w.practice(form.id);
    if (!pending || !live || live->status != PracticeStatus::published) {
      gone = true;
      return fail(ErrorKind::conflict, "no pending revision of a published practice");
    }
    auto base = w.revision(form.id, pending->base);
    if (!base) return std::unexpected(base.error());
    auto proposed = w.revision(form.id, pending->number);
    if (!proposed) return std::unexpected(proposed.error());
    const auto merged =
        workflow::merge_pending(base->fields, content_fields(*live), proposed->fields);
    auto published = with_content(*live, merged.fields);
    if (!published) return std::unexpected(published.error());
    const std::string note = fmt::format("revision {}", pending->number);
    if (auto saved = w.save_practice(*published, noted_by(desk, now, note)); !saved) {
      return std::unexpected(saved.error());
    }
    if (auto dropped = w.drop_pending_revision(form.id); !dropped) return dropped;
    return w.append_audit(
        audit_by(desk, now, "transition:publish_pending", practice_entity(form.id), note));
  });
  if (gone) return refused(site, visit, desk, form.id, 409, "pending.gone");
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id));
}

// Discards the pending revision (its content stays in the history of revisions).
http::Response discard_pending(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  const auto now = unix_now();
  bool gone = false;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto pending = w.pending_revision(form.id);
    if (!pending) {
      gone = pending.error().kind == ErrorKind::not_found;
      return std::unexpected(pending.error());
    }
    if (auto dropped = w.drop_pending_revision(form.id); !dropped) return dropped;
    return w.append_audit(audit_by(desk, now, "content:discard", practice_entity(form.id),
                                   fmt::format("revision {}", pending->number)));
  });
  if (gone) return refused(site, visit, desk, form.id, 409, "pending.gone");
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id));
}

}  // namespace

void add_content_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(M::get, "/redakcja/praktyki/{id}/tresc",
             Route{RouteKind::page,
                   [&site](const Visit& v, const Params& p) { return show(site, v, p); }});
  routes.add(M::post, "/redakcja/praktyki/{id}/tresc",
             form_route(site, Action::edit_content, save));
  routes.add(M::post, "/redakcja/praktyki/{id}/oczekujaca/opublikuj",
             form_route(site, Action::publish, publish_pending));
  routes.add(M::post, "/redakcja/praktyki/{id}/oczekujaca/odrzuc",
             form_route(site, Action::edit_content, discard_pending));
}

}  // namespace bdp::web
