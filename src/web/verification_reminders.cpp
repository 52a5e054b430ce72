#include "web/verification_reminders.h"

#include "auth/token.h"
#include "store/mail_validate.h"
#include "web/notifications.h"
#include "web/review_forms.h"
#include "workflow/verification_schedule.h"

namespace bdp::web {
namespace {

enum class Outcome { reminded, recently_reminded, without_address };

// Whom to remind of `practice`: its submitter, else its first contact with an address.
Result<std::string> address_of(Writer& w, const Practice& practice) {
  auto submission = w.submission_for(practice.id);
  if (submission && is_mail_address(submission->email)) return submission->email;
  if (!submission && submission.error().kind != ErrorKind::not_found) {
    return std::unexpected(submission.error());
  }
  for (const auto& contact : practice.contacts) {
    if (is_mail_address(contact.email)) return contact.email;
  }
  return std::string();
}

}  // namespace

Result<ReminderReport> queue_verification_reminders(Store& store, const SiteConfig& config,
                                                    std::int64_t now) {
  auto items = store.verifications();
  if (!items) return std::unexpected(items.error());
  const std::int64_t reminded_before = now - std::int64_t{kReminderGapDays} * 86400;
  ReminderReport report;
  for (const auto& item : workflow::overdue(std::move(*items), now, config.verification_months)) {
    ++report.due;
    if (item.verification.reminded_at >= reminded_before) {
      ++report.recently_reminded;
      continue;
    }
    Outcome outcome = Outcome::reminded;
    auto written = store.write([&](Writer& w) -> Status {
      auto practice = w.practice(item.practice_id);
      if (!practice) return std::unexpected(practice.error());
      auto to = address_of(w, *practice);
      if (!to) return std::unexpected(to.error());
      if (to->empty()) {
        outcome = Outcome::without_address;
        return {};
      }
      const auto token = auth::new_session_token();
      auto claimed = w.claim_reminder(item.practice_id, now, reminded_before, token.hash);
      if (!claimed) return std::unexpected(claimed.error());
      if (!*claimed) {
        outcome = Outcome::recently_reminded;
        return {};
      }
      outcome = Outcome::reminded;
      if (auto queued = queue_notice(w, config, Notice::verification_due, *to, practice->title,
                                     config.base_url + "/potwierdz/" + token.cookie_value, "", now);
          !queued) {
        return queued;
      }
      return w.append_audit(
          {0, now, std::nullopt, "cli", "verify:remind", practice_entity(item.practice_id), ""});
    });
    if (!written) return std::unexpected(written.error());
    switch (outcome) {
      case Outcome::reminded:
        ++report.reminded;
        break;
      case Outcome::recently_reminded:
        ++report.recently_reminded;
        break;
      case Outcome::without_address:
        ++report.without_address;
        break;
    }
  }
  return report;
}

}  // namespace bdp::web
