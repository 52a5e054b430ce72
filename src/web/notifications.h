// The notification e-mails of the review (submission received, changes requested, published,
// assignment) and of verification (data due for confirmation): their Polish texts (the i18n
// table) built into outbox mails, queued in the transaction of the event. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "model/outgoing_mail.h"
#include "store/store.h"
#include "web/site_config.h"

namespace bdp::web {

enum class Notice { submission_received, changes_requested, published, assigned, verification_due };

// The mail of `notice` to `to` about the practice titled `title`; `link` is where it leads (the
// private link, the public page, the review page) and `detail` a reason ("" for none).
OutgoingMail notice_mail(const SiteConfig& config, Notice notice, const std::string& to,
                         const std::string& title, const std::string& link,
                         const std::string& detail, std::int64_t now);

// Queues notice_mail in `w`'s transaction; an address the outbox cannot send to (not one bare
// ASCII address: store/mail_validate.h) is skipped with a log line, never failing the event.
Status queue_notice(Writer& w, const SiteConfig& config, Notice notice, const std::string& to,
                    const std::string& title, const std::string& link, const std::string& detail,
                    std::int64_t now);

}  // namespace bdp::web
