// Store: the one interface to the database, the source of truth. Implementations: sqlite/
// (embedded default) and postgres/. Every write appends the ids it changed to the change log, a
// monotonic sequence that derived data (search index, page caches, other nodes) follows.
//
// Errors: expected failures are values (not_found, invalid_input, conflict, unavailable).
// Thread-safety: one Store object may be used from many threads at once; implementations
// serialise or pool connections internally.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/adoption.h"
#include "model/assessment.h"
#include "model/editor.h"
#include "model/link.h"
#include "model/outgoing_mail.h"
#include "model/practice.h"
#include "model/revision.h"
#include "model/section.h"
#include "model/unit.h"
#include "model/verification.h"
#include "model/workflow.h"
#include "store/document_store.h"

namespace bdp {

enum class PracticeSort { newest, title };  // title: Polish collation

struct PageRequest {
  int offset = 0;
  int limit = 20;
};

// Which published practices a cursor page reads (the open-data API, dumps, sitemap): every
// condition that is set must hold.
struct PublishedQuery {
  std::int64_t after_id = 0;    // only ids above this one: the cursor of the previous page
  std::string modified_since;   // only updated_at >= this ("YYYY-MM-DDTHH:MM:SSZ"), when set
  std::int64_t section_id = 0;  // only practices in this section or its subsections, when set
  std::string voivodeship;      // only practices of units in this voivodeship, when set
  std::string unit_type;        // only practices of units of this type, when set
  int limit = 100;              // 1..1000
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;  // over all pages
};

// What one change-log entry says changed.
enum class EntityKind { practice, unit, section, setting, link, document, adoption };
const char* to_string(EntityKind kind);
// The kind named by to_string(kind); nullopt for any other text.
std::optional<EntityKind> entity_kind_from_string(std::string_view text);

// Another entity a change concerns, named in the change-log entry so that followers need not
// re-read what did not change.
struct EntityRef {
  EntityKind kind = EntityKind::practice;
  std::int64_t id = 0;
  bool operator==(const EntityRef&) const = default;
};

struct Change {
  std::int64_t seq = 0;  // strictly increasing
  EntityKind kind = EntityKind::practice;
  std::int64_t id = 0;
  bool deleted = false;
  // A practice: the unit and sections it belonged to before and after the change (each once).
  // A section: the practices filed in it or its subsections. A document: the practices it
  // belonged to before and after. An adoption: the practice taken up, the unit that took it up
  // and that unit's own practice, before and after. Empty for units and settings.
  std::vector<EntityRef> related;
};

// Everything the database holds, as one value: the unit of export, import and migration.
struct Dataset {
  std::vector<Section> sections;
  std::vector<Unit> units;
  std::vector<Practice> practices;
  std::vector<Link> links;          // "Inne bazy danych", with their last check
  std::vector<Adoption> adoptions;  // "Zastosowaliśmy to u nas", every status
  bool operator==(const Dataset&) const = default;
};

// Visitor counter: unique visitors per day, identified by an opaque daily-salted hash.
struct VisitorTotals {
  std::int64_t total = 0;  // configured starting number + every unique visitor-day since
};

// Everything the database holds besides content (Dataset): the unit that migrate-db copies after
// the content (the old addresses of units and sections among it). Editors' sessions are
// deliberately left out: a copied session could revive one ended on the source after the copy, and
// logging in again costs an editor one form.
struct VisitorDay {
  std::string day;   // ISO date
  std::string hash;  // the visitor's daily-salted hash
  bool operator==(const VisitorDay&) const = default;
};
struct DailySalt {
  std::string day;   // ISO date
  std::string salt;  // raw bytes
  bool operator==(const DailySalt&) const = default;
};
// A retired slug (Store::retired_slug): the unit or section it now names.
struct RetiredSlug {
  EntityKind kind = EntityKind::unit;
  std::string slug;
  std::int64_t target_id = 0;
  bool operator==(const RetiredSlug&) const = default;
};
struct OperationalState {
  std::int64_t visitor_base = 0;                // set_visitor_base (0 when never set)
  std::int64_t visitor_days_counted = 0;        // unique visitor-days recorded; total = base + this
  std::vector<VisitorDay> recent_visitors;      // not yet forgotten (today, yesterday), ordered
  std::vector<DailySalt> daily_salts;           // not yet forgotten, ordered by day
  std::vector<Editor> editors;                  // ordered by id
  std::vector<RetiredSlug> retired_slugs;       // the old addresses, ordered by kind, then slug
  std::map<std::string, std::string> settings;  // Store::setting's, by key
  bool operator==(const OperationalState&) const = default;
};

// Saves inside one Store::write transaction: each sees the ones before it. Same validation and
// errors as the Store methods of the same names.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual Result<std::int64_t> save_section(const Section& section) = 0;
  virtual Result<std::int64_t> save_unit(const Unit& unit) = 0;
  // The unit as this transaction sees it. not_found if none.
  virtual Result<Unit> unit(std::int64_t id) = 0;
  // Merges the duplicate unit `from` into `into`: its practices (each a revision noted with
  // `note`), adoptions and documents move to `into`; `from` is deleted and its slug, with those
  // it had retired, names `into` (Store::retired_slug). Errors: not_found (either unit),
  // invalid_input (the same unit twice).
  virtual Status merge_unit(std::int64_t from, std::int64_t into, const RevisionNote& note) = 0;
  // Deletes the section `id`. With `into`, its practices (each a revision noted with `note`) and
  // subsections move there and its slug, with those it had retired, names `into`; without, it
  // must be empty (conflict otherwise) and its old addresses are forgotten. Errors: not_found
  // (either section), invalid_input (`into` is the section or lies under it).
  virtual Status remove_section(std::int64_t id, std::optional<std::int64_t> into,
                                const RevisionNote& note) = 0;
  virtual Result<std::int64_t> save_practice(const Practice& practice) = 0;
  // As above, the revision it makes (a change of content) saved with `note` (who and why);
  // the one above notes the actor "system".
  virtual Result<std::int64_t> save_practice(const Practice& practice,
                                             const RevisionNote& note) = 0;
  // The practice as this transaction sees it (a check before a transition). not_found if none.
  virtual Result<Practice> practice(std::int64_t id) = 0;
  // One revision with its fields, as this transaction sees it; not_found when none.
  virtual Result<PracticeRevision> revision(std::int64_t practice_id, int number) = 0;
  // Records the content of `content` (its id names the practice; status and slug are ignored)
  // as a revision noted with `note` and makes it the practice's pending revision
  // (model/revision.h), replacing an earlier pending one, whose base and `since` it keeps; the
  // published content is untouched. Returns the pending revision. Errors: not_found (no
  // practice), conflict (the practice is not published, or `content` is its published content),
  // invalid_input (validate_practice's).
  virtual Result<PendingRevision> propose_revision(const Practice& content,
                                                   const RevisionNote& note) = 0;
  // The practice's pending revision; not_found when it has none.
  virtual Result<PendingRevision> pending_revision(std::int64_t practice_id) = 0;
  // Forgets the pending revision (published or discarded: its revision stays in the history).
  // not_found when there is none.
  virtual Status drop_pending_revision(std::int64_t practice_id) = 0;
  // The practice's workflow as this transaction sees it; not_found when it never entered review.
  virtual Result<PracticeWorkflow> workflow(std::int64_t practice_id) = 0;
  // The back office's records, written with the content they concern (Store's methods of the
  // same names document them).
  virtual Status save_workflow(const PracticeWorkflow& workflow) = 0;
  virtual Result<std::int64_t> add_comment(const ReviewComment& comment) = 0;
  virtual Status append_audit(const AuditEntry& entry) = 0;
  virtual Status add_submission(const Submission& submission) = 0;
  virtual Status delete_draft(const std::string& token_hash) = 0;
  // The submission the practice came from; not_found when it came otherwise (an import).
  virtual Result<Submission> submission_for(std::int64_t practice_id) = 0;
  // Queues a notification with the event that causes it: both commit or neither does.
  virtual Result<std::int64_t> enqueue_mail(const OutgoingMail& mail) = 0;
  // Queues a dead letter again (an editor's "send again"): due at `now`, with max_attempts
  // attempts anew, its last error kept until the next attempt. Errors: not_found (no such
  // mail), conflict (it is not dead).
  virtual Status requeue_mail(std::int64_t id, std::int64_t now) = 0;
  // Sets the setting `key` (Store::setting documents it), a change of kind setting.
  virtual Status save_setting(const std::string& key, const std::string& value) = 0;
  // A link's change with its audit entry (Store's methods of the same names document them).
  virtual Result<Link> link(std::int64_t id) = 0;
  virtual Result<std::int64_t> save_link(const Link& link) = 0;
  virtual Status delete_link(std::int64_t id) = 0;
  // An adoption's change with its audit entry (Store's methods of the same names document them).
  virtual Result<Adoption> adoption(std::int64_t id) = 0;
  virtual Result<std::int64_t> save_adoption(const Adoption& adoption) = 0;
  // Expert assessments (Store's assessments documents them). Saving replaces the reviewer's
  // earlier assessment of the practice. Errors: validate_assessment's, invalid_input when the
  // practice does not exist.
  virtual Result<std::vector<Assessment>> assessments(std::int64_t practice_id) = 0;
  virtual Status save_assessment(const Assessment& assessment) = 0;
  // Whether the practice's public page shows its assessment's summary (Store's
  // assessment_disclosed documents it); setting it drops the practice's pages (a change of the
  // practice). invalid_input when the practice does not exist.
  virtual Result<bool> assessment_disclosed(std::int64_t practice_id) = 0;
  virtual Status disclose_assessment(std::int64_t practice_id, bool disclosed, std::int64_t at) = 0;
  // Verification of data (Store's verification documents it). Saving replaces the practice's
  // record and drops its pages (a change of the practice); invalid_input when the practice does
  // not exist or a time is negative.
  virtual Result<Verification> verification(std::int64_t practice_id) = 0;
  virtual Status save_verification(const Verification& verification) = 0;
  // Claims the practice's next reminder at `now` under the hash of a fresh link token: true when
  // its last reminder was before `reminded_before` (then reminded_at = now and the token is the
  // open one), false when another claim, on any node, came first. invalid_input for an empty
  // hash or a practice that does not exist.
  virtual Result<bool> claim_reminder(std::int64_t practice_id, std::int64_t now,
                                      std::int64_t reminded_before,
                                      const std::string& token_hash) = 0;
};

// How failed sends are retried: attempt n (1, 2, …) that fails is retried after
// first_delay_seconds * 2^(n-1), at most max_delay_seconds; the mail is dead when attempt
// max_attempts fails.
struct MailRetry {
  int max_attempts = 6;
  std::int64_t first_delay_seconds = 60;
  std::int64_t max_delay_seconds = 21600;  // 6 hours
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs pending versioned migrations; safe to call on every start.
  virtual Status migrate() = 0;

  // --- sections
  virtual Result<std::vector<Section>> sections() = 0;  // whole tree, ordered by position
  // Inserts (id == 0) or updates; returns the id.
  virtual Result<std::int64_t> save_section(const Section& section) = 0;
  // Number of published practices per section id (a practice counts in each of its sections).
  virtual Result<std::vector<std::pair<std::int64_t, std::int64_t>>> section_counts() = 0;

  // --- units
  virtual Result<Unit> unit(std::int64_t id) = 0;
  virtual Result<Unit> unit_by_slug(const std::string& slug) = 0;
  virtual Result<std::vector<Unit>> units() = 0;
  // Inserts (id == 0) or updates; returns the id. Slug must be unique (conflict otherwise).
  virtual Result<std::int64_t> save_unit(const Unit& unit) = 0;

  // --- old addresses. A unit or section whose slug changed (save_unit, save_section), or a
  // unit merged into another (Writer::merge_unit), leaves its old slug retired: the id it now
  // names. not_found for a slug never retired, or live again (a live slug is never retired).
  // Errors: invalid_input for a kind other than unit or section.
  virtual Result<std::int64_t> retired_slug(EntityKind kind, const std::string& slug) = 0;

  // --- settings editors change in the browser (the portal's branding: web/portal_branding.h),
  // written through Writer::save_setting with their audit entry. A key is 1-64 of a-z and _
  // ("visitor_base" is set_visitor_base's); a value UTF-8 text of at most 64 KiB without NUL
  // (invalid_input otherwise). not_found for a setting never saved.
  virtual Result<std::string> setting(const std::string& key) = 0;

  // --- practices
  virtual Result<Practice> practice(std::int64_t id) = 0;
  virtual Result<Practice> practice_by_source_key(const std::string& source_key) = 0;
  // Inserts when id is 0 (a new id is assigned) or not present (the id is kept: legacy ids);
  // otherwise updates. Returns the id. The unit and sections must exist (invalid_input).
  // Each save that changes the content records an immutable revision (model/revision.h), noted
  // as by "system"; Writer::save_practice takes who and why.
  virtual Result<std::int64_t> save_practice(const Practice& practice) = 0;
  virtual Status delete_practice(std::int64_t id) = 0;
  // The practice's revisions without their fields, oldest first (none for an unknown practice).
  virtual Result<std::vector<PracticeRevision>> revisions(std::int64_t practice_id) = 0;
  // One revision with its fields; not_found when the practice has no such revision.
  virtual Result<PracticeRevision> revision(std::int64_t practice_id, int number) = 0;
  // The practice's pending revision (Writer::propose_revision); not_found when it has none.
  virtual Result<PendingRevision> pending_revision(std::int64_t practice_id) = 0;
  // Published practices; section_id 0 means all; a section includes its subsections.
  virtual Result<Page<Practice>> practices_in_section(std::int64_t section_id, PracticeSort sort,
                                                      PageRequest page) = 0;
  virtual Result<std::vector<Practice>> practices_of_unit(std::int64_t unit_id) = 0;
  // Every practice, all states, ordered by id (export, reindex).
  virtual Result<std::vector<Practice>> all_practices() = 0;
  // Up to query.limit published practices matching `query`, ordered by id, read in one
  // snapshot: pass the last id as after_id for the next page. Errors: invalid_input (limit out
  // of range), not_found (the section does not exist).
  virtual Result<std::vector<Practice>> published_practices(const PublishedQuery& query) = 0;

  // --- change log
  virtual Result<std::vector<Change>> changes_since(std::int64_t seq, int limit) = 0;
  virtual Result<std::int64_t> last_change_seq() = 0;

  // --- visitor counter
  // Records visitors `visitor_hashes` on `day` (ISO date), in one transaction. Counts each once
  // per day, exactly, also when several threads or nodes record at once. Returns the total
  // after recording. invalid_input (nothing recorded) for a bad day or an empty hash.
  virtual Result<VisitorTotals> record_visits(const std::string& day,
                                              const std::vector<std::string>& visitor_hashes) = 0;
  virtual Result<VisitorTotals> visitor_totals() = 0;
  // The hashes of the visitors recorded on `day` (today's or yesterday's; older are forgotten).
  virtual Result<std::vector<std::string>> visitors_on(const std::string& day) = 0;
  // Sets the starting number the total counts from (continuing the old portal's count); the
  // number already set writes nothing (no change-log entry).
  virtual Status set_visitor_base(std::int64_t base) = 0;
  // A random secret per day, shared by all nodes, used to salt visitor hashes; older ones are
  // forgotten, so yesterday's hashes cannot be recomputed.
  virtual Result<std::string> daily_salt(const std::string& day) = 0;

  // --- editors and their sessions. Not content: no change-log entries, not in dump()/load().
  // Times are Unix seconds given by the caller (the clock is the caller's seam).
  // Adds an editor (id and e-mail as given are ignored/normalised: normalize_email). Returns the
  // id. Errors: invalid_input (bad e-mail, empty name or hash), conflict when the e-mail is
  // taken, compared case-insensitively.
  virtual Result<std::int64_t> add_editor(const Editor& editor) = 0;
  // Every editor, disabled ones included, ordered by e-mail.
  virtual Result<std::vector<Editor>> editors() = 0;
  // The editor with this e-mail (case-insensitive), disabled or not. not_found when none.
  virtual Result<Editor> editor_by_email(const std::string& email) = 0;
  // Disables (deleting their sessions) or re-enables an editor. not_found when none.
  virtual Status set_editor_disabled(const std::string& email, bool disabled) = 0;
  // Records a session (by its token hash, never the token) and prunes expired ones. Errors:
  // invalid_input (empty hash, expires_at <= created_at), not_found when the editor does not
  // exist or is disabled, conflict when the hash exists.
  virtual Status create_session(const EditorSession& session) = 0;
  // The editor of the session `token_hash` when it exists, has not expired at `now` and its
  // editor is not disabled; records `now` as last seen (at most once a minute). not_found
  // otherwise. Works from any Store on the same database (any node).
  virtual Result<Editor> session_editor(const std::string& token_hash, std::int64_t now) = 0;
  // Deletes the session (logout); a missing one is not an error.
  virtual Status delete_session(const std::string& token_hash) = 0;
  // Deletes every session expired at `now`; returns how many.
  virtual Result<std::int64_t> prune_sessions(std::int64_t now) = 0;
  // The editor with this id. not_found when none.
  virtual Result<Editor> editor(std::int64_t id) = 0;
  // Gives the editor a role and records `audit` in the same transaction. not_found when none.
  virtual Status set_editor_role(const std::string& email, Role role, const AuditEntry& audit) = 0;
  // Replaces the editor's password hash and ends every session of theirs but `keep_session`
  // (a token hash, "" for none), recording `audit` in the same transaction. not_found when none.
  virtual Status set_editor_password(std::int64_t editor_id, const std::string& password_hash,
                                     const std::string& keep_session, const AuditEntry& audit) = 0;

  // --- failed logins, shared by every node on the database. `key` is a hash (never an e-mail
  // or an address in clear). Records one failure at `now`, forgetting the key's failures before
  // `now - window`; returns the failures left in the window.
  virtual Result<LoginFailures> record_login_failure(const std::string& key, std::int64_t now,
                                                     std::int64_t window) = 0;
  // The failures of `key` at or after `since`.
  virtual Result<LoginFailures> login_failures(const std::string& key, std::int64_t since) = 0;
  virtual Status clear_login_failures(const std::string& key) = 0;

  // --- submissions from the public (model/workflow.h). Saves a draft (created_at kept when it
  // exists) and forgets drafts untouched for 30 days. Errors: invalid_input (empty hash, a form
  // over 1 MiB or with a NUL).
  virtual Status save_draft(const SubmissionDraft& draft) = 0;
  // not_found when none (never saved, sent, or forgotten).
  virtual Result<SubmissionDraft> draft(const std::string& token_hash) = 0;
  // The sent submission of a private link's token hash; not_found when none.
  virtual Result<Submission> submission(const std::string& token_hash) = 0;

  // --- review (model/workflow.h). Not content: no change-log entries.
  // The practices in `status`, oldest in that status first, with assignee and unit; the queue
  // of in_review then holds the published practices with a pending revision (QueueItem.pending),
  // oldest proposal first.
  virtual Result<std::vector<QueueItem>> review_queue(PracticeStatus status) = 0;
  // The practice's workflow; not_found when it never entered review.
  virtual Result<PracticeWorkflow> workflow(std::int64_t practice_id) = 0;
  // The practice's comments, oldest first; `submitter_only` leaves out internal ones.
  virtual Result<std::vector<ReviewComment>> comments(std::int64_t practice_id,
                                                      bool submitter_only) = 0;
  // The practice's expert assessments (model/assessment.h), with their reviewers' names, the
  // earliest first; written through Writer::save_assessment with their audit entry.
  virtual Result<std::vector<Assessment>> assessments(std::int64_t practice_id) = 0;
  // True when an editor chose to show the summary of the practice's assessment (per criterion
  // the mean of the scores, no reviewer named) on its public page; set through
  // Writer::disclose_assessment with its audit entry.
  virtual Result<bool> assessment_disclosed(std::int64_t practice_id) = 0;
  // --- verification of data (model/verification.h; written through Writer::save_verification
  // and claim_reminder with their audit entry and mail).
  // The practice's record; all zeros (never verified) when it has none.
  virtual Result<Verification> verification(std::int64_t practice_id) = 0;
  // Every published practice with its record, ordered by id (the overdue list filters it:
  // workflow/verification_schedule.h).
  virtual Result<std::vector<VerificationItem>> verifications() = 0;
  // The record whose open reminder link has this token hash; not_found when none.
  virtual Result<Verification> verification_by_token(const std::string& token_hash) = 0;
  // Appends to the audit log (actions with no other write, e.g. a login). The log is
  // append-only: both engines refuse UPDATE and DELETE on it.
  virtual Status append_audit(const AuditEntry& entry) = 0;
  // Audit entries with id < `before` (0: from the newest), newest first, at most `limit`;
  // `action_prefix` ("" for all) and `entity` ("" for all) filter them.
  virtual Result<std::vector<AuditEntry>> audit_log(const std::string& action_prefix,
                                                    const std::string& entity, std::int64_t before,
                                                    int limit) = 0;

  // --- the mail outbox. Not content: no change-log entries, not in dump()/load() nor in
  // operational_state() (a copied queue would send its mails again from the new database).
  // Times are Unix seconds given by the caller.
  // Queues `mail` (its id, attempts, state, last_error and sent_at are ignored: a new mail is
  // queued, due at next_attempt_at, or at created_at when that is 0). Returns the id. Errors:
  // invalid_input (store/mail_validate.h: the address, a subject with CR/LF or control
  // characters, invalid UTF-8, an empty or malformed kind).
  virtual Result<std::int64_t> enqueue_mail(const OutgoingMail& mail) = 0;
  // Claims up to `limit` (1..100) mails due at `now`, oldest due first: queued ones and those
  // whose claim's lease ran out (the node sending them died). Each becomes `sending` with a
  // lease until now + lease_seconds and one more attempt; no other claim, on any node, gets it
  // before then. Ordered by id. Errors: invalid_input (limit or lease_seconds < 1).
  virtual Result<std::vector<OutgoingMail>> claim_mail(std::int64_t now, std::int64_t lease_seconds,
                                                       int limit) = 0;
  // Marks a claimed mail sent at `now`. Errors: not_found (no such mail), conflict (it is not
  // `sending`: its lease ran out and another claim took it, or it was already marked).
  virtual Status mail_sent(std::int64_t id, std::int64_t now) = 0;
  // Records a failed attempt of a claimed mail: queued again after the delay of `retry`, or
  // dead when it was attempt retry.max_attempts. `error` is kept (printable ASCII, at most
  // 1000 bytes). Errors as mail_sent; invalid_input for a retry with max_attempts < 1.
  virtual Status mail_failed(std::int64_t id, std::int64_t now, const std::string& error,
                             const MailRetry& retry) = 0;
  // Up to `limit` (1..1000) mails, newest first, only those in `state` when given.
  virtual Result<std::vector<OutgoingMail>> outbox(std::optional<MailState> state, int limit) = 0;

  // --- the links of "Inne bazy danych" (model/link.h). Content: each change appends a
  // change-log entry of kind `link`.
  // Every link, ordered by category (byte order, "" last), position, id.
  virtual Result<std::vector<Link>> links() = 0;
  // not_found when none.
  virtual Result<Link> link(std::int64_t id) = 0;
  // Inserts (id == 0: a new id; an id not present is kept) or updates; returns the id. An
  // insert writes the check result given (last_status, last_error, checked_at); an update
  // keeps the stored one, and forgets it when the address changed. Errors: invalid_input
  // (store/link_validate.h: name, address, description, language, category, position).
  virtual Result<std::int64_t> save_link(const Link& link) = 0;
  // not_found when none.
  virtual Status delete_link(std::int64_t id) = 0;
  // Records the result of checking a link (its error made printable, cut to 200 bytes). A
  // change-log entry is appended only when the link becomes broken or stops being so
  // (link_broken): the public page shows nothing else of a check. Errors: not_found (no such
  // link), invalid_input (a status outside 0-999, a negative time).
  virtual Status record_link_check(const LinkCheck& check) = 0;

  // --- adoptions, "Zastosowaliśmy to u nas" (model/adoption.h). Content: each save appends a
  // change-log entry of kind `adoption`.
  // not_found when none.
  virtual Result<Adoption> adoption(std::int64_t id) = 0;
  // The adoptions that concern `practice_id` either way (taken up from it, or describing the
  // adopting unit's own version), every status, ordered by year, then id.
  virtual Result<std::vector<Adoption>> adoptions_of(std::int64_t practice_id) = 0;
  // The adoptions in `status`, oldest first (the editors' queue).
  virtual Result<std::vector<Adoption>> adoptions_in(AdoptionStatus status) = 0;
  // How many units took each practice up (its published adoptions, a unit counted once):
  // {practice id, count}, only those with some.
  virtual Result<std::vector<std::pair<std::int64_t, std::int64_t>>> adoption_counts() = 0;
  // Inserts (id == 0: a new id; an id not present is kept) or updates; returns the id. Errors:
  // invalid_input (store/validate.h validate_adoption; a practice or unit that does not exist).
  virtual Result<std::int64_t> save_adoption(const Adoption& adoption) = 0;

  // --- the document library (store/document_store.h); lives as long as the Store.
  virtual DocumentStore& documents() = 0;

  // --- several writes as one
  // Runs `body` in one write transaction and commits what it saved when it returns success;
  // nothing is kept when it returns an error (that error is returned). A save that fails inside
  // is undone alone and its error handed back to `body`, which may go on with the others.
  virtual Status write(const std::function<Status(Writer&)>& body) = 0;

  // --- whole database
  virtual Result<Dataset> dump() = 0;
  // Loads a dataset in one transaction (upserts by id); nothing is written on failure.
  virtual Status load(const Dataset& data) = 0;
  virtual Result<bool> empty() = 0;

  // --- operational state (not content: visitor counter and editors), for migrate-db
  // Reads it in one snapshot.
  virtual Result<OperationalState> operational_state() = 0;
  // Replaces the visitor counter (base, count, recent visitor-days, salts), the retired slugs,
  // the settings and every editor
  // (ids kept; the target's own editors and all sessions are deleted) by `state`, in one
  // transaction: nothing is written on failure. Errors: invalid_input (bad day, e-mail, hash),
  // conflict (duplicate e-mail or id).
  virtual Status load_operational_state(const OperationalState& state) = 0;
};

// Opens the store named by `url` (database_url.h: "sqlite:PATH", "sqlite://PATH", a bare path, or
// "postgresql://…"). Does not migrate.
Result<std::unique_ptr<Store>> open_store(const std::string& url);

}  // namespace bdp
