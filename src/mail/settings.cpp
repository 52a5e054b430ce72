#include "mail/settings.h"

#include <algorithm>

#include "store/mail_validate.h"

namespace bdp::mail {
namespace {

std::unexpected<Error> invalid(const char* message) {
  return fail(ErrorKind::invalid_input, std::string("mail: ") + message);
}

bool in_range(int value, int low, int high) {
  return value >= low && value <= high;
}

}  // namespace

Status validate_settings(const MailSettings& s) {
  if (!s.configured()) return {};
  if (!s.smtp_url.starts_with("smtp://") && !s.smtp_url.starts_with("smtps://")) {
    return invalid("smtp_url must start with smtp:// or smtps://");
  }
  if (!is_mail_address(s.from)) return invalid("from must be one e-mail address");
  if (std::any_of(s.from_name.begin(), s.from_name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return invalid("from_name must be one line");
  }
  if (!in_range(s.timeout_seconds, 1, 600)) return invalid("timeout_seconds must be 1..600");
  if (!in_range(s.poll_seconds, 1, 3600)) return invalid("poll_seconds must be 1..3600");
  if (!in_range(s.batch, 1, 100)) return invalid("batch must be 1..100");
  if (s.retry.max_attempts < 1) return invalid("max_attempts must be at least 1");
  if (s.retry.first_delay_seconds < 1 || s.retry.max_delay_seconds < 1) {
    return invalid("retry delays must be at least one second");
  }
  return {};
}

}  // namespace bdp::mail
