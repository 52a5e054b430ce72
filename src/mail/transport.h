// MailTransport: hands one built message to the next mail server — the seam between the
// dispatcher and the network (smtp_transport.h; tests put a fake in its place).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "mail/settings.h"

namespace bdp::mail {

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Sends `message` (RFC 5322, CRLF line ends) from envelope sender `from` to the one recipient
  // `to`. Errors: unavailable with the server's or the connection's reason, for a failure that
  // a later attempt may not have (refused connection, timeout, 4xx), invalid_input for one it
  // will (5xx: unknown recipient, refused sender). Thread-safety: one send at a time per object.
  virtual Status send(const std::string& from, const std::string& to, std::string_view message) = 0;
};

// The transport over libcurl's SMTP to settings.smtp_url: STARTTLS when the server offers it
// (required when settings.require_tls; smtps:// is TLS from the start), AUTH when a username
// is set, at most settings.timeout_seconds a send. REQUIRES: validate_settings(settings) passed.
std::unique_ptr<MailTransport> make_smtp_transport(const MailSettings& settings);

}  // namespace bdp::mail
