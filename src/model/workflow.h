// The back office's records beside a practice: where it stands in review (assignee, due date,
// since when), the comments on it, and the append-only audit log of every back-office action.
// Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/practice.h"

namespace bdp {

struct PracticeWorkflow {
  std::int64_t practice_id = 0;
  std::optional<std::int64_t> assignee_id;  // the editor or reviewer working on it
  std::string due_on;                       // "YYYY-MM-DD", "" when none
  std::int64_t state_since = 0;             // when the practice entered its current status
  bool operator==(const PracticeWorkflow&) const = default;
};

// One line of a review queue: a practice in a status, with its workflow.
struct QueueItem {
  std::int64_t practice_id = 0;
  std::string title;
  PracticeStatus status = PracticeStatus::submitted;
  std::string unit_name;
  std::optional<std::int64_t> assignee_id;
  std::string assignee_name;  // "" when nobody is assigned
  std::string due_on;
  std::int64_t state_since = 0;
  bool pending = false;  // a published practice whose next revision is in review
  bool operator==(const QueueItem&) const = default;
};

struct ReviewComment {
  std::int64_t id = 0;
  std::int64_t practice_id = 0;
  std::optional<std::int64_t> author_id;  // null for the submitter (through the private link)
  std::string author_name;
  bool to_submitter = false;  // false: internal to editors
  std::string body;           // plain text
  std::int64_t at = 0;
  bool operator==(const ReviewComment&) const = default;
};

// One back-office action. `action` is a constant of the code ("login", "role", "transition:
// publish", "assign", "comment", "password"); `entity` names what it concerns ("practice:412",
// "editor:3"); `detail` is free text (a reason, the new role).
struct AuditEntry {
  std::int64_t id = 0;  // set by the store, increasing
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;  // null for the public or the command line
  std::string actor;                     // an e-mail, "public", "cli"
  std::string action;
  std::string entity;
  std::string detail;
  bool operator==(const AuditEntry&) const = default;
};

// A submission from the public being filled in: the form's fields as JSON (web's business),
// kept under the hash of the token in the submitter's cookie.
struct SubmissionDraft {
  std::string token_hash;
  std::string form;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool operator==(const SubmissionDraft&) const = default;
};

// A sent submission: the practice it became, the address and consent of the person who sent it,
// and the hash of the private link's token they follow it with.
struct Submission {
  std::string token_hash;
  std::int64_t practice_id = 0;
  std::string email;
  std::string consent_text;  // the wording they agreed to, as shown
  std::int64_t consent_at = 0;
  std::int64_t created_at = 0;
  bool operator==(const Submission&) const = default;
};

// The failed logins of one throttle key within a window.
struct LoginFailures {
  std::int64_t count = 0;
  std::int64_t first_at = 0;  // the oldest failure in the window (0 when none)
};

}  // namespace bdp
