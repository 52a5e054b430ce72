// OutgoingMail: one notification e-mail in the outbox (submission received, changes requested,
// published, verification due, assignment). Written in the transaction of the event it tells
// of, sent later by the mail dispatcher (mail/dispatcher.h). Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bdp {

// queued → sending (claimed by one node, for a lease) → sent, or back to queued after a failed
// attempt, or dead (the last allowed attempt failed: a dead letter for editors to look at).
enum class MailState { queued, sending, sent, dead };
const char* to_string(MailState state);
// The state named by to_string(state); nullopt for any other text.
std::optional<MailState> mail_state_from_string(std::string_view text);

struct OutgoingMail {
  std::int64_t id = 0;
  std::string to;       // one bare ASCII address, "anna@gmina.pl"
  std::string subject;  // UTF-8, one line (Polish letters are encoded when sent)
  std::string body;     // plain UTF-8 text, lines ended by "\n" or "\r\n"
  std::string kind;     // what it tells of: "submission_received", "changes_requested", …
  std::int64_t created_at = 0;
  int attempts = 0;                  // sending attempts begun (claims)
  std::int64_t next_attempt_at = 0;  // queued: due then; sending: the claim's lease ends then
  MailState state = MailState::queued;
  std::string last_error;  // of the last failed attempt, "" when none failed
  std::optional<std::int64_t> sent_at;
  bool operator==(const OutgoingMail&) const = default;
};

}  // namespace bdp
