// MailSettings: how notifications leave (the "mail" object of the config file, docs/mail.md).
// With no smtp_url, mail stays queued in the outbox and nothing is sent.
#pragma once

#include <string>

#include "core/result.h"
#include "store/store.h"

namespace bdp::mail {

struct MailSettings {
  std::string smtp_url;      // "smtp://host:587" (STARTTLS when offered) or "smtps://host:465"
  std::string from;          // the sender address, also the envelope sender: "bdp@zmp.poznan.pl"
  std::string from_name;     // shown beside it: "Baza Dobrych Praktyk"; may be empty
  std::string username;      // SMTP AUTH, when not empty
  std::string password;      // or the environment's BDP_SMTP_PASSWORD (never logged)
  bool require_tls = false;  // refuse to send over a connection not protected by (START)TLS
  int timeout_seconds = 30;  // one send, connecting included
  int poll_seconds = 5;      // bdp serve: how often the outbox is looked at
  int batch = 20;            // mails claimed at once (1..100)
  MailRetry retry;           // backoff and the attempts before a mail is dead

  bool configured() const { return !smtp_url.empty(); }
  // How long a claim keeps other nodes off its mails: the whole batch may time out one by one.
  std::int64_t lease_seconds() const {
    return static_cast<std::int64_t>(batch) * timeout_seconds + 60;
  }
};

// Errors (invalid_input, naming the key): an smtp_url not smtp:// or smtps://, a `from` that is
// not one address (store/mail_validate.h), a from_name with control characters, a timeout,
// poll or batch out of range (1..600, 1..3600, 1..100), a retry with max_attempts < 1 or
// negative delays. An empty smtp_url is valid (not configured) and checks nothing else.
Status validate_settings(const MailSettings& settings);

}  // namespace bdp::mail
