// The back office's pages: review queues, a practice under review, the audit log, the password.
#include <fmt/format.h>

#include "web/views/assessment_data.h"
#include "web/views/content_labels.h"
#include "web/views/local_time.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// Whole days and hours from `since` to `now`: "3 d 4 h".
std::string time_in_state(std::int64_t since, std::int64_t now) {
  const std::int64_t hours = std::max<std::int64_t>(0, now - since) / 3600;
  return fmt::format("{} d {} h", hours / 24, hours % 24);
}

std::string status_label(i18n::Lang lang, PracticeStatus status) {
  return std::string(i18n::tr(lang, std::string("desk.status.") + to_string(status)));
}

}  // namespace

std::string Views::review_queue(const ViewContext& ctx, const DeskMenu& menu,
                                const QueuePage& page) const {
  Data d = desk_data(ctx, menu);
  List tabs;
  for (const auto& [status, count] : page.counts) {
    Data tab{Data::type::object};
    tab.set("href", std::string("/redakcja/kolejka?stan=") + to_string(status));
    tab.set("label", status_label(ctx.lang, status));
    tab.set("count", std::to_string(count));
    tab.set("current", status == page.status);
    tabs.push_back(std::move(tab));
  }
  d.set("tabs", tabs);
  d.set("status", status_label(ctx.lang, page.status));
  List items;
  for (const auto& item : page.items) {
    Data row{Data::type::object};
    row.set("href", fmt::format("/redakcja/praktyki/{}", item.practice_id));
    row.set("title", item.title);
    row.set("unit", item.unit_name);
    row.set("assignee", optional_text(item.assignee_name));
    row.set("due_on", optional_text(item.due_on));
    row.set("in_state", item.state_since ? time_in_state(item.state_since, page.now) : "");
    row.set("pending", item.pending);
    items.push_back(std::move(row));
  }
  d.set("has_items", !items.empty());
  d.set("items", items);
  return layout(ctx, {std::string(i18n::tr(ctx.lang, "desk.queue")), "", "/redakcja/kolejka"},
                templates_.render("review_queue", std::move(d)));
}

std::string Views::review_practice(const ViewContext& ctx, const DeskMenu& menu,
                                   const ReviewPage& page) const {
  Data d = desk_data(ctx, menu);
  const Practice& p = page.practice;
  const std::string base = fmt::format("/redakcja/praktyki/{}", p.id);
  d.set("base", base);
  d.set("title", p.title);
  d.set("unit_name", page.unit.name);  // "unit" names a template: a partial would shadow it
  d.set("status", status_label(ctx.lang, p.status));
  d.set("public_href", optional_text(has_public_page(p.status) ? practice_path(p) : ""));
  d.set("summary", p.summary);
  d.set("error", optional_text(page.error));
  d.set("assignee", optional_text(page.assignee_name));
  d.set("due_on", optional_text(page.workflow ? page.workflow->due_on : ""));
  d.set("since", optional_text(page.workflow && page.workflow->state_since
                                   ? local_time(page.workflow->state_since)
                                   : ""));
  List transitions;
  for (const auto& t : page.transitions) {
    Data item{Data::type::object};
    item.set("action", std::string(workflow::to_string(t.action)));
    item.set("label", std::string(i18n::tr(
                          ctx.lang, std::string("desk.action.") + workflow::to_string(t.action))));
    item.set("reason_required", t.reason_required);
    transitions.push_back(std::move(item));
  }
  d.set("has_transitions", !transitions.empty());
  d.set("transitions", transitions);
  List people;
  for (const auto& e : page.assignable) {
    Data item{Data::type::object};
    item.set("id", std::to_string(e.id));
    item.set("name", e.display_name);
    item.set("selected", page.workflow && page.workflow->assignee_id == e.id);
    people.push_back(std::move(item));
  }
  d.set("can_assign", !people.empty());
  d.set("people", people);
  d.set("can_comment", page.can_comment);
  List comments;
  for (const auto& c : page.comments) {
    Data item{Data::type::object};
    item.set("author", c.author_name);
    item.set("at", local_time(c.at));
    item.set("to_submitter", c.to_submitter);
    item.set("body", c.body);
    comments.push_back(std::move(item));
  }
  d.set("has_comments", !comments.empty());
  d.set("comments", comments);
  add_assessment(d, ctx, page.assessment);
  d.set("can_edit", page.can_edit);
  if (page.pending) {
    const PendingRevision& r = *page.pending;
    Data pending{Data::type::object};
    pending.set("number", std::to_string(r.number));
    pending.set("base_number", std::to_string(r.base));
    pending.set("since", local_time(r.since));
    pending.set("noted", fmt::format("{}, {}", local_time(r.note.at), r.note.actor));
    pending.set("reason", optional_text(r.note.reason));
    const auto labels = [&](const std::vector<std::string>& keys) {
      List out;
      for (const auto& key : keys) {
        Data item{Data::type::object};
        item.set("label", content_label(ctx.lang, key, page.pending_fields, {}));
        out.push_back(std::move(item));
      }
      return out;
    };
    pending.set("has_carried", !page.pending_carried.empty());
    pending.set("carried", labels(page.pending_carried));
    pending.set("has_overridden", !page.pending_overridden.empty());
    pending.set("overridden", labels(page.pending_overridden));
    pending.set("can_publish", page.can_publish_pending);
    pending.set("can_discard", page.can_edit);
    d.set("pending", pending);
  }
  return layout(ctx, {p.title + " — " + std::string(i18n::tr(ctx.lang, "desk.review")), "", base},
                templates_.render("review_practice", std::move(d)));
}

std::string Views::audit_log(const ViewContext& ctx, const DeskMenu& menu,
                             const AuditPage& page) const {
  Data d = desk_data(ctx, menu);
  d.set("action", page.action);
  d.set("entity", page.entity);
  List rows;
  for (const auto& e : page.entries) {
    Data row{Data::type::object};
    row.set("at", local_time(e.at));
    row.set("actor", e.actor);
    row.set("action", e.action);
    row.set("entity", e.entity);
    row.set("detail", e.detail);
    rows.push_back(std::move(row));
  }
  d.set("has_entries", !rows.empty());
  d.set("entries", rows);
  d.set("next", optional_text(page.next_before ? std::to_string(page.next_before) : ""));
  return layout(ctx, {std::string(i18n::tr(ctx.lang, "desk.audit")), "", "/redakcja/dziennik"},
                templates_.render("audit_log", std::move(d)));
}

namespace {

Data link_row(const Link& link) {
  Data row{Data::type::object};
  row.set("id", std::to_string(link.id));
  row.set("name", link.name);
  row.set("url", link.url);
  row.set("category", link.category);
  row.set("checked", link.checked_at != 0);
  row.set("status", link.last_status ? std::to_string(link.last_status) : std::string("—"));
  row.set("error", optional_text(link.last_error));
  row.set("checked_at", link.checked_at ? local_time(link.checked_at) : "");
  row.set("broken", link_broken(link));
  return row;
}

Data link_table(const std::string& caption, const List& rows) {
  Data table{Data::type::object};
  table.set("caption", caption);
  table.set("rows", rows);
  return table;
}

}  // namespace

std::string Views::desk_links(const ViewContext& ctx, const DeskMenu& menu,
                              const LinksDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  List all, broken;
  for (const auto& link : page.links) {
    if (link_broken(link)) broken.push_back(link_row(link));
    all.push_back(link_row(link));
  }
  const auto tr = [&](const char* key) { return std::string(i18n::tr(ctx.lang, key)); };
  d.set("total", std::to_string(all.size()));
  d.set("broken_total", std::to_string(broken.size()));
  d.set("has_links", !all.empty());
  d.set("has_broken", !broken.empty());
  d.set("all_table", link_table(tr("desk.links_all"), all));
  d.set("broken_table", link_table(tr("desk.links_broken"), broken));
  d.set("only_broken", page.only_broken);
  d.set("editing", page.editing);
  d.set("error", optional_text(page.error));
  Data form{Data::type::object};
  form.set("name", page.form.name);
  form.set("url", page.form.url);
  form.set("description", page.form.description);
  form.set("language", page.form.language);
  form.set("category", page.form.category);
  form.set("position", std::to_string(page.form.position));
  d.set("form", form);
  d.set("form_action", page.editing ? fmt::format("/redakcja/linki/{}", page.form.id)
                                    : std::string("/redakcja/linki"));
  d.set("form_heading", page.editing ? tr("desk.links_edit_heading") : tr("desk.links_add"));
  const std::string heading =
      page.editing ? tr("desk.links_edit_heading") + ": " + page.form.name : tr("desk.links");
  d.set("heading", heading);
  return layout(ctx, {heading, "", "/redakcja/linki"},
                templates_.render("desk_links", std::move(d)));
}

std::string Views::password_form(const ViewContext& ctx, const DeskMenu& menu,
                                 const PasswordForm& form) const {
  Data d = desk_data(ctx, menu);
  d.set("error", optional_text(form.error));
  d.set("changed", form.changed);
  return layout(ctx, {std::string(i18n::tr(ctx.lang, "desk.password")), "", "/redakcja/haslo"},
                templates_.render("password", std::move(d)));
}

}  // namespace bdp::web
