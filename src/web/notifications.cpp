#include "web/notifications.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "i18n/i18n.h"
#include "store/mail_validate.h"

namespace bdp::web {
namespace {

const char* kind_of(Notice notice) {
  switch (notice) {
    case Notice::submission_received:
      return "submission_received";
    case Notice::changes_requested:
      return "changes_requested";
    case Notice::published:
      return "published";
    case Notice::assigned:
      return "assignment";
    case Notice::verification_due:
      return "verification_due";
  }
  return "assignment";
}

}  // namespace

OutgoingMail notice_mail(const SiteConfig& config, Notice notice, const std::string& to,
                         const std::string& title, const std::string& link,
                         const std::string& detail, std::int64_t now) {
  const std::string kind = kind_of(notice);
  const auto text = [&](const char* part) {
    return std::string(i18n::tr(i18n::Lang::pl, "mail." + kind + "." + part));
  };
  OutgoingMail mail;
  mail.to = to;
  mail.kind = kind;
  mail.created_at = now;
  mail.subject = fmt::format(fmt::runtime(text("subject")), title);
  std::string body = fmt::format(fmt::runtime(text("body")), title, link);
  if (!detail.empty()) body += "\n\n" + detail;
  mail.body = body + "\n\n-- \n" + config.portal_title + "\n" + config.base_url + "\n";
  return mail;
}

Status queue_notice(Writer& w, const SiteConfig& config, Notice notice, const std::string& to,
                    const std::string& title, const std::string& link, const std::string& detail,
                    std::int64_t now) {
  if (!is_mail_address(to)) {
    spdlog::warn("mail: no {} notice: the address cannot be sent to", kind_of(notice));
    return {};
  }
  auto queued = w.enqueue_mail(notice_mail(config, notice, to, title, link, detail, now));
  if (!queued) return std::unexpected(queued.error());
  return {};
}

}  // namespace bdp::web
