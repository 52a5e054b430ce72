// Verification of data: the editors' overdue list with its one-click buttons, and the page a
// reminder's link opens, where the submitter confirms the data is current.
#include <fmt/format.h>

#include "web/views/form_fields.h"
#include "web/views/local_time.h"
#include "web/views/views.h"
#include "workflow/verification_schedule.h"

namespace bdp::web {
namespace {

// The date of a Unix time as the page shows it, or the words for "never".
std::string verified_on(const ViewContext& ctx, std::int64_t at) {
  if (at <= 0) return ui_text(ctx.lang, "verification.never");
  return i18n::format_date(ctx.lang, local_time(at).substr(0, 10));
}

}  // namespace

std::string Views::desk_verifications(const ViewContext& ctx, const DeskMenu& menu,
                                      const VerificationDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  List rows;
  for (const auto& row : page.rows) {
    const VerificationItem& item = row.item;
    Data r{Data::type::object};
    r.set("id", std::to_string(item.practice_id));
    r.set("title", item.title);
    r.set("unit_name", item.unit_name);
    r.set("href", row.href);
    r.set("long_overdue", row.long_overdue);
    r.set("content_on", verified_on(ctx, item.verification.content_verified_at));
    r.set("contacts_on", verified_on(ctx, item.verification.contacts_verified_at));
    r.set("since_on", verified_on(ctx, workflow::verified_since(item)));
    r.set("reminded_on", optional_text(item.verification.reminded_at > 0
                                           ? verified_on(ctx, item.verification.reminded_at)
                                           : ""));
    r.set("just_verified", item.practice_id == page.verified_id);
    rows.push_back(std::move(r));
  }
  const std::string heading = ui_text(ctx.lang, "desk.verification");
  d.set("heading", heading);
  d.set("has_rows", !rows.empty());
  d.set("rows", rows);
  d.set("count", std::to_string(page.rows.size()));
  d.set("intro", fmt::format(fmt::runtime(ui_text(ctx.lang, "verification.intro")), page.months));
  d.set("verified", page.verified_id != 0);
  return layout(ctx, {heading, "", "/redakcja/weryfikacja"},
                templates_.render("desk_verification", std::move(d)));
}

std::string Views::verification_confirm(const ViewContext& ctx,
                                        const VerificationConfirmPage& page) const {
  Data d = base_data(ctx);
  const std::string heading = ui_text(ctx.lang, "verification.confirm_title");
  d.set("heading", heading);
  d.set("title", page.title);
  d.set("practice_href", page.practice_href);
  d.set("action", page.action);
  d.set("done", page.done);
  return layout(ctx, {heading, "", ""}, templates_.render("verification_confirm", std::move(d)));
}

}  // namespace bdp::web
