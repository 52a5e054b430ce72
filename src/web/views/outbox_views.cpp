// The mail outbox in the back office: one state's mails with their attempts and last error.
#include "web/views/form_fields.h"
#include "web/views/local_time.h"
#include "web/views/views.h"

namespace bdp::web {

std::string Views::desk_outbox(const ViewContext& ctx, const DeskMenu& menu,
                               const OutboxDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  List tabs;
  for (auto state : {MailState::dead, MailState::queued, MailState::sending, MailState::sent}) {
    Data tab{Data::type::object};
    tab.set("href", std::string("/redakcja/poczta?stan=") + to_string(state));
    tab.set("label", ui_text(ctx.lang, std::string("outbox.state.") + to_string(state)));
    tab.set("current", state == page.state);
    tabs.push_back(std::move(tab));
  }
  d.set("tabs", tabs);
  d.set("state", ui_text(ctx.lang, std::string("outbox.state.") + to_string(page.state)));
  const bool dead = page.state == MailState::dead;
  List mails;
  for (const auto& m : page.mails) {
    Data row{Data::type::object};
    row.set("id", std::to_string(m.id));
    row.set("to", m.to);
    row.set("subject", m.subject);
    row.set("kind", m.kind);
    row.set("created", local_time(m.created_at));
    row.set("attempts", std::to_string(m.attempts));
    row.set("last_error", optional_text(m.last_error));
    row.set("dead", dead);
    mails.push_back(std::move(row));
  }
  d.set("has_mails", !mails.empty());
  d.set("mails", mails);
  d.set("requeued", page.requeued);
  const std::string heading = ui_text(ctx.lang, "desk.outbox");
  d.set("heading", heading);
  return layout(ctx, {heading, "", "/redakcja/poczta"},
                templates_.render("desk_outbox", std::move(d)));
}

}  // namespace bdp::web
