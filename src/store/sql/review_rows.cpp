#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

LoginFailures failures_from(const Rows& r) {
  return LoginFailures{r.integer(0, 0), r.integer(0, 1)};
}

constexpr std::string_view kAuditColumns =
    "SELECT id, at, actor_id, actor, action, entity, detail FROM audit_log ";

}  // namespace

Result<LoginFailures> write_login_failure(Connection& c, const std::string& key, std::int64_t now,
                                          std::int64_t window) {
  if (key.empty()) return fail(ErrorKind::invalid_input, "the throttle key is empty");
  if (auto forgotten = c.run("DELETE FROM login_failures WHERE key = $1 AND at < $2",
                             {value(key), value(now - window)});
      !forgotten) {
    return std::unexpected(forgotten.error());
  }
  if (auto added =
          c.run("INSERT INTO login_failures (key, at) VALUES ($1, $2)", {value(key), value(now)});
      !added) {
    return std::unexpected(added.error());
  }
  return read_login_failures(c, key, now - window);
}

Result<LoginFailures> read_login_failures(Connection& c, const std::string& key,
                                          std::int64_t since) {
  auto rows = c.exec(
      "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE key = $1 AND at >= $2",
      {value(key), value(since)});
  if (!rows) return std::unexpected(rows.error());
  return failures_from(*rows);
}

Status remove_login_failures(Connection& c, const std::string& key) {
  return c.run("DELETE FROM login_failures WHERE key = $1", {value(key)});
}

Result<std::vector<QueueItem>> read_review_queue(Connection& c, PracticeStatus status) {
  auto rows = c.exec(
      "SELECT p.id, p.title, u.name, w.assignee_id, COALESCE(e.display_name, ''), "
      "COALESCE(w.due_on, ''), COALESCE(w.state_since, 0) "
      "FROM practices p JOIN units u ON u.id = p.unit_id "
      "LEFT JOIN practice_workflow w ON w.practice_id = p.id "
      "LEFT JOIN editors e ON e.id = w.assignee_id "
      "WHERE p.status = $1 ORDER BY COALESCE(w.state_since, 0), p.id",
      {value(std::string(to_string(status)))});
  if (!rows) return std::unexpected(rows.error());
  std::vector<QueueItem> out;
  const auto add = [&out](const Rows& found, PracticeStatus shown, bool pending) {
    for (int r = 0; r < found.size(); ++r) {
      out.push_back({found.integer(r, 0), found.text(r, 1), shown, found.text(r, 2),
                     found.optional_integer(r, 3), found.text(r, 4), found.text(r, 5),
                     found.integer(r, 6), pending});
    }
  };
  add(*rows, status, false);
  if (status != PracticeStatus::in_review) return out;
  auto pending = c.exec(
      "SELECT p.id, p.title, u.name, w.assignee_id, COALESCE(e.display_name, ''), "
      "COALESCE(w.due_on, ''), r.since "
      "FROM pending_revisions r JOIN practices p ON p.id = r.practice_id "
      "JOIN units u ON u.id = p.unit_id "
      "LEFT JOIN practice_workflow w ON w.practice_id = p.id "
      "LEFT JOIN editors e ON e.id = w.assignee_id "
      "WHERE p.status = $1 ORDER BY r.since, p.id",
      {value(std::string(to_string(PracticeStatus::published)))});
  if (!pending) return std::unexpected(pending.error());
  add(*pending, PracticeStatus::published, true);
  return out;
}

Result<PracticeWorkflow> read_workflow(Connection& c, std::int64_t practice_id) {
  auto rows = c.exec(
      "SELECT practice_id, assignee_id, due_on, state_since FROM practice_workflow "
      "WHERE practice_id = $1",
      {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "the practice never entered review");
  return PracticeWorkflow{rows->integer(0, 0), rows->optional_integer(0, 1), rows->text(0, 2),
                          rows->integer(0, 3)};
}

Status write_workflow(Connection& c, const PracticeWorkflow& workflow) {
  if (!workflow.due_on.empty() && !is_iso_date(workflow.due_on)) {
    return fail(ErrorKind::invalid_input, "the due date is not YYYY-MM-DD");
  }
  return c.run(
      "INSERT INTO practice_workflow (practice_id, assignee_id, due_on, state_since) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT (practice_id) DO UPDATE SET "
      "assignee_id = excluded.assignee_id, due_on = excluded.due_on, "
      "state_since = excluded.state_since",
      {value(workflow.practice_id), value(workflow.assignee_id), value(workflow.due_on),
       value(workflow.state_since)});
}

Result<std::vector<ReviewComment>> read_comments(Connection& c, std::int64_t practice_id,
                                                 bool submitter_only) {
  auto rows = c.exec(
      "SELECT id, practice_id, author_id, author_name, to_submitter, body, at "
      "FROM review_comments WHERE practice_id = $1 AND (to_submitter OR NOT $2) ORDER BY id",
      {value(practice_id), value(submitter_only)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ReviewComment> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    out.push_back({rows->integer(r, 0), rows->integer(r, 1), rows->optional_integer(r, 2),
                   rows->text(r, 3), rows->boolean(r, 4), rows->take_text(r, 5),
                   rows->integer(r, 6)});
  }
  return out;
}

Result<std::int64_t> write_comment(Connection& c, const ReviewComment& comment) {
  if (auto valid = validate_comment(comment); !valid) return std::unexpected(valid.error());
  return c.single_integer(
      "INSERT INTO review_comments (practice_id, author_id, author_name, to_submitter, body, at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {value(comment.practice_id), value(comment.author_id), value(comment.author_name),
       value(comment.to_submitter), value(comment.body), value(comment.at)});
}

Status write_audit(Connection& c, const AuditEntry& entry) {
  if (auto valid = validate_audit(entry); !valid) return valid;
  return c.run(
      "INSERT INTO audit_log (at, actor_id, actor, action, entity, detail) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {value(entry.at), value(entry.actor_id), value(entry.actor), value(entry.action),
       value(entry.entity), value(entry.detail)});
}

Result<std::vector<AuditEntry>> read_audit_log(Connection& c, const std::string& action_prefix,
                                               const std::string& entity, std::int64_t before,
                                               int limit) {
  // A prefix compared as a range of text, not LIKE: '%' and '_' in a filter mean themselves.
  auto rows = c.exec(std::string(kAuditColumns) +
                         "WHERE ($1 = 0 OR id < $1) AND ($2 = '' OR substr(action, 1, "
                         "length($2)) = $2) AND ($3 = '' OR entity = $3) ORDER BY id DESC LIMIT $4",
                     {value(before), value(action_prefix), value(entity), value(limit)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<AuditEntry> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    out.push_back({rows->integer(r, 0), rows->integer(r, 1), rows->optional_integer(r, 2),
                   rows->text(r, 3), rows->text(r, 4), rows->text(r, 5), rows->text(r, 6)});
  }
  return out;
}

namespace {
constexpr std::int64_t kDraftDays = 30;
}  // namespace

Status write_draft(Connection& c, const SubmissionDraft& draft) {
  if (auto valid = validate_draft(draft); !valid) return valid;
  if (auto forgotten = c.run("DELETE FROM submission_drafts WHERE updated_at < $1",
                             {value(draft.updated_at - kDraftDays * 86400)});
      !forgotten) {
    return forgotten;
  }
  return c.run(
      "INSERT INTO submission_drafts (token_hash, form, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO UPDATE SET form = excluded.form, "
      "updated_at = excluded.updated_at",
      {value(draft.token_hash), value(draft.form), value(draft.created_at),
       value(draft.updated_at)});
}

Result<SubmissionDraft> read_draft(Connection& c, const std::string& token_hash) {
  auto rows = c.exec(
      "SELECT token_hash, form, created_at, updated_at FROM submission_drafts "
      "WHERE token_hash = $1",
      {value(token_hash)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no draft with that token");
  return SubmissionDraft{rows->text(0, 0), rows->take_text(0, 1), rows->integer(0, 2),
                         rows->integer(0, 3)};
}

Status remove_draft(Connection& c, const std::string& token_hash) {
  return c.run("DELETE FROM submission_drafts WHERE token_hash = $1", {value(token_hash)});
}

Status write_submission(Connection& c, const Submission& submission) {
  if (auto valid = validate_submission(submission); !valid) return valid;
  return c.run(
      "INSERT INTO submissions (token_hash, practice_id, email, consent_text, consent_at, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6)",
      {value(submission.token_hash), value(submission.practice_id), value(submission.email),
       value(submission.consent_text), value(submission.consent_at), value(submission.created_at)});
}

namespace {
Result<Submission> one_submission(Connection& c, const std::string& where, const Value& key) {
  auto rows = c.exec(
      "SELECT token_hash, practice_id, email, consent_text, consent_at, created_at "
      "FROM submissions WHERE " +
          where,
      {key});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no such submission");
  return Submission{rows->text(0, 0), rows->integer(0, 1), rows->text(0, 2),
                    rows->text(0, 3), rows->integer(0, 4), rows->integer(0, 5)};
}
}  // namespace

Result<Submission> read_submission(Connection& c, const std::string& token_hash) {
  return one_submission(c, "token_hash = $1", value(token_hash));
}

Result<Submission> read_submission_for(Connection& c, std::int64_t practice_id) {
  return one_submission(c, "practice_id = $1", value(practice_id));
}

}  // namespace bdp::sql
