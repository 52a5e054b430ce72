// The mail outbox. A claim is one UPDATE of the due rows it selects, so two claimers never get
// the same mail: PostgreSQL locks the selected rows and skips those another claimer holds;
// SQLite runs one writer at a time.
#include <algorithm>
#include <string>

#include "store/mail_validate.h"
#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kMailColumns =
    "id, recipient, subject, body, kind, created_at, attempts, next_attempt_at, state, "
    "last_error, sent_at";
constexpr int kMaxClaim = 100;
constexpr int kMaxListed = 1000;

OutgoingMail mail_from(Rows& r, int row) {
  OutgoingMail m;
  m.id = r.integer(row, 0);
  m.to = r.take_text(row, 1);
  m.subject = r.take_text(row, 2);
  m.body = r.take_text(row, 3);
  m.kind = r.take_text(row, 4);
  m.created_at = r.integer(row, 5);
  m.attempts = static_cast<int>(r.integer(row, 6));
  m.next_attempt_at = r.integer(row, 7);
  m.state = mail_state_from_string(r.text(row, 8)).value_or(MailState::queued);
  m.last_error = r.take_text(row, 9);
  m.sent_at = r.optional_integer(row, 10);
  return m;
}

std::vector<OutgoingMail> mails_from(Rows& rows) {
  std::vector<OutgoingMail> mails;
  mails.reserve(static_cast<std::size_t>(rows.size()));
  for (int r = 0; r < rows.size(); ++r) mails.push_back(mail_from(rows, r));
  return mails;
}

// Why a mail could not be marked: it does not exist, or it is not being sent.
std::unexpected<Error> not_claimed(Connection& c, std::int64_t id) {
  auto state = c.exec("SELECT state FROM outgoing_mail WHERE id = $1", {value(id)});
  if (!state) return std::unexpected(state.error());
  if (state->empty()) return fail(ErrorKind::not_found, "no mail " + std::to_string(id));
  return fail(ErrorKind::conflict, "mail " + std::to_string(id) + " is " + state->text(0, 0) +
                                       ", not being sent by this claim");
}

// first * 2^(attempt-1), at most `max`, without overflowing.
std::int64_t retry_delay(const MailRetry& retry, int attempt) {
  std::int64_t delay = std::max<std::int64_t>(retry.first_delay_seconds, 1);
  for (int n = 1; n < attempt && delay < retry.max_delay_seconds; ++n) delay *= 2;
  return std::min(delay, std::max(retry.max_delay_seconds, std::int64_t{1}));
}

}  // namespace

Result<std::int64_t> write_mail(Connection& c, const OutgoingMail& mail) {
  if (auto valid = validate_mail(mail); !valid) return std::unexpected(valid.error());
  const std::int64_t due = mail.next_attempt_at ? mail.next_attempt_at : mail.created_at;
  return c.single_integer(
      "INSERT INTO outgoing_mail (recipient, subject, body, kind, created_at, attempts, "
      "next_attempt_at, state, last_error) VALUES ($1, $2, $3, $4, $5, 0, $6, 'queued', '') "
      "RETURNING id",
      {value(mail.to), value(mail.subject), value(mail.body), value(mail.kind),
       value(mail.created_at), value(due)});
}

Result<std::vector<OutgoingMail>> claim_due_mail(Connection& c, std::int64_t now,
                                                 std::int64_t lease_seconds, int limit) {
  if (limit < 1 || limit > kMaxClaim) {
    return fail(ErrorKind::invalid_input, "a mail claim takes 1 to 100 mails");
  }
  if (lease_seconds < 1) return fail(ErrorKind::invalid_input, "a mail lease must be positive");
  auto rows = c.exec(
      "UPDATE outgoing_mail SET state = 'sending', attempts = attempts + 1, next_attempt_at = $2 "
      "WHERE id IN (SELECT id FROM outgoing_mail WHERE state IN ('queued', 'sending') "
      "AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $3" +
          std::string(c.dialect().lock_skip_locked) + ") RETURNING " + std::string(kMailColumns),
      {value(now), value(now + lease_seconds), value(limit)});
  if (!rows) return std::unexpected(rows.error());
  auto mails = mails_from(*rows);
  std::sort(mails.begin(), mails.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return mails;
}

Status write_mail_sent(Connection& c, std::int64_t id, std::int64_t now) {
  auto updated = c.exec(
      "UPDATE outgoing_mail SET state = 'sent', sent_at = $2 WHERE id = $1 AND state = 'sending'",
      {value(id), value(now)});
  if (!updated) return std::unexpected(updated.error());
  if (updated->affected() == 0) return not_claimed(c, id);
  return {};
}

Status write_mail_failed(Connection& c, std::int64_t id, std::int64_t now, const std::string& error,
                         const MailRetry& retry) {
  if (retry.max_attempts < 1) {
    return fail(ErrorKind::invalid_input, "a mail retry needs at least one attempt");
  }
  auto attempts =
      c.exec("SELECT attempts FROM outgoing_mail WHERE id = $1 AND state = 'sending'", {value(id)});
  if (!attempts) return std::unexpected(attempts.error());
  if (attempts->empty()) return not_claimed(c, id);
  const auto attempt = static_cast<int>(attempts->integer(0, 0));
  const bool dead = attempt >= retry.max_attempts;
  // The same attempt count in the condition: a claim that took the mail meanwhile wins.
  auto updated = c.exec(
      "UPDATE outgoing_mail SET state = $3, next_attempt_at = $4, last_error = $5 "
      "WHERE id = $1 AND state = 'sending' AND attempts = $2",
      {value(id), value(attempt), value(to_string(dead ? MailState::dead : MailState::queued)),
       value(dead ? now : now + retry_delay(retry, attempt)), value(printable_mail_error(error))});
  if (!updated) return std::unexpected(updated.error());
  if (updated->affected() == 0) return not_claimed(c, id);
  return {};
}

Status write_mail_requeued(Connection& c, std::int64_t id, std::int64_t now) {
  auto updated = c.exec(
      "UPDATE outgoing_mail SET state = 'queued', attempts = 0, next_attempt_at = $2 "
      "WHERE id = $1 AND state = 'dead'",
      {value(id), value(now)});
  if (!updated) return std::unexpected(updated.error());
  if (updated->affected() > 0) return {};
  auto state = c.exec("SELECT state FROM outgoing_mail WHERE id = $1", {value(id)});
  if (!state) return std::unexpected(state.error());
  if (state->empty()) return fail(ErrorKind::not_found, "no mail " + std::to_string(id));
  return fail(ErrorKind::conflict,
              "mail " + std::to_string(id) + " is " + state->text(0, 0) + ", not dead");
}

Result<std::vector<OutgoingMail>> read_outbox(Connection& c, std::optional<MailState> state,
                                              int limit) {
  if (limit < 1 || limit > kMaxListed) {
    return fail(ErrorKind::invalid_input, "the outbox lists 1 to 1000 mails");
  }
  const std::string select = "SELECT " + std::string(kMailColumns) + " FROM outgoing_mail ";
  auto rows = state ? c.exec(select + "WHERE state = $1 ORDER BY id DESC LIMIT $2",
                             {value(to_string(*state)), value(limit)})
                    : c.exec(select + "ORDER BY id DESC LIMIT $1", {value(limit)});
  if (!rows) return std::unexpected(rows.error());
  return mails_from(*rows);
}

}  // namespace bdp::sql
