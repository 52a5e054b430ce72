// Reminders of verification: to each published practice due for it
// (workflow/verification_schedule.h) and not reminded in the last kReminderGapDays, a mail with a
// fresh link /potwierdz/<token> where the data is confirmed with no login. The address is the
// submitter's (Submission.email), else the practice's first contact's (imported practices). The
// claim, the mail and the audit entry are one transaction each, so two runs at once (on any
// nodes) remind a practice once. Thread-safe as the Store is.
#pragma once

#include <cstdint>

#include "store/store.h"
#include "web/site_config.h"

namespace bdp::web {

inline constexpr int kReminderGapDays = 30;

struct ReminderReport {
  int due = 0;                // published practices due or long overdue
  int reminded = 0;           // a mail queued now
  int recently_reminded = 0;  // reminded within the gap (by an earlier or a concurrent run)
  int without_address = 0;    // no submitter's or contact's address to write to
};

// Queues the reminders due at `now` (Unix seconds); the outbox sends them (docs/mail.md).
Result<ReminderReport> queue_verification_reminders(Store& store, const SiteConfig& config,
                                                    std::int64_t now);

}  // namespace bdp::web
