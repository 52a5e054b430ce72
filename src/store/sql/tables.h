// Reading and writing the rows of each table, written once for both engines over a
// sql::Connection. Internal to the store: callers hold the transaction (engine.h; writers of
// content a logged_write one); writers validate their input (store/validate.h) and append to
// the change log in that transaction. Semantics are those of the Store methods of the same names.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/sql/connection.h"
#include "store/store.h"

namespace bdp::sql {

// --- change log (change_log.cpp)
Status append_change(Connection& c, EntityKind kind, std::int64_t id, bool deleted,
                     const std::vector<EntityRef>& related = {});
Result<std::vector<Change>> read_changes(Connection& c, std::int64_t after_seq, int limit);
Result<std::int64_t> read_last_change_seq(Connection& c);
// Runs the dialect's after_explicit_ids statement for `table` (a constant of the store).
Status advance_id_sequence(Connection& c, std::string_view table);

// --- sections (section_rows.cpp)
Result<std::vector<Section>> read_sections(Connection& c);
Result<std::int64_t> write_section(Connection& c, const Section& section);
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> read_section_counts(Connection& c);
// The section and all its subsections; not_found when the section does not exist.
Result<std::vector<std::int64_t>> read_section_subtree(Connection& c, std::int64_t section_id);
// Writer::remove_section (section_removal.cpp).
Status write_section_removal(Connection& c, std::int64_t id, std::optional<std::int64_t> into,
                             const RevisionNote& note);

// invalid_input when no practice has this id (practice_read.cpp).
Status practice_exists(Connection& c, std::int64_t id);

// --- units (unit_rows.cpp); not_found when missing
Result<Unit> read_unit(Connection& c, std::int64_t id);
Result<Unit> read_unit_by_slug(Connection& c, const std::string& slug);
Result<std::vector<Unit>> read_units(Connection& c);
Result<std::int64_t> write_unit(Connection& c, const Unit& unit);
// Writer::merge_unit (unit_merge.cpp).
Status write_unit_merge(Connection& c, std::int64_t from, std::int64_t into,
                        const RevisionNote& note);

// --- settings (setting_rows.cpp; Store::setting); write_settings replaces them all
Result<std::string> read_setting(Connection& c, const std::string& key);
Status write_setting(Connection& c, const std::string& key, const std::string& text);
Result<std::map<std::string, std::string>> read_settings(Connection& c);
Status write_settings(Connection& c, const std::map<std::string, std::string>& settings);

// --- retired slugs of units and sections (retired_slug_rows.cpp; Store::retired_slug)
// The slug stored in `table` (a constant: "units", "sections") for `id`; nullopt for id 0 or
// a row not stored yet.
Result<std::optional<std::string>> read_stored_slug(Connection& c, std::string_view table,
                                                    std::int64_t id);
// After a save of (kind, id) with `new_slug`: that slug is live (no longer retired), and
// `old_slug`, when it was another, names `id`.
Status retire_slug(Connection& c, EntityKind kind, std::int64_t id,
                   const std::optional<std::string>& old_slug, const std::string& new_slug);
// The slugs retired to name `from` name `to` instead (a merge).
Status repoint_retired_slugs(Connection& c, EntityKind kind, std::int64_t from, std::int64_t to);
// The slugs retired to name `id` name nothing any more (it is deleted).
Status forget_retired_slugs(Connection& c, EntityKind kind, std::int64_t id);
Result<std::int64_t> read_retired_slug(Connection& c, EntityKind kind, const std::string& slug);

// --- practices (practice_read.cpp, practice_write.cpp); not_found when missing
Result<Practice> read_practice(Connection& c, std::int64_t id);
Result<Practice> read_practice_by_source_key(Connection& c, const std::string& source_key);
Result<Page<Practice>> read_practices_in_section(Connection& c, std::int64_t section_id,
                                                 PracticeSort sort, PageRequest page);
Result<std::vector<Practice>> read_practices_of_unit(Connection& c, std::int64_t unit_id);
Result<std::vector<Practice>> read_all_practices(Connection& c);
Result<std::vector<Practice>> read_published_practices(Connection& c, const PublishedQuery& query);
// updated_at: `now` stamps the current time; `keep` keeps the given one when set (loading).
enum class Stamp { now, keep };
// A save that changes the content records a revision with `note` (write_revision).
Result<std::int64_t> write_practice(Connection& c, const Practice& practice, Stamp stamp,
                                    const RevisionNote& note);
Status remove_practice(Connection& c, std::int64_t id);

// --- visitor counter and settings (visitor_rows.cpp)
Result<std::vector<std::string>> read_visitors_on(Connection& c, const std::string& day);
Result<VisitorTotals> write_visits(Connection& c, const std::string& day,
                                   const std::vector<std::string>& hashes);
Result<VisitorTotals> read_visitor_totals(Connection& c);
Status write_visitor_base(Connection& c, std::int64_t base);
Result<std::string> write_daily_salt(Connection& c, const std::string& day);

// --- editors and sessions (editor_rows.cpp); plain_write / read transactions: no change log
Result<std::int64_t> write_editor(Connection& c, const Editor& editor);
Result<std::vector<Editor>> read_editors(Connection& c);
Result<Editor> read_editor_by_email(Connection& c, const std::string& email);
Status write_editor_disabled(Connection& c, const std::string& email, bool disabled);
Status write_session(Connection& c, const EditorSession& session);
Result<Editor> read_session_editor(Connection& c, const std::string& token_hash, std::int64_t now);
Status remove_session(Connection& c, const std::string& token_hash);
Result<std::int64_t> prune_expired_sessions(Connection& c, std::int64_t now);
Result<Editor> read_editor(Connection& c, std::int64_t id);
Status write_editor_role(Connection& c, const std::string& email, Role role,
                         const AuditEntry& audit);
Status write_editor_password(Connection& c, std::int64_t editor_id,
                             const std::string& password_hash, const std::string& keep_session,
                             const AuditEntry& audit);

// --- failed logins, review workflow, comments, audit log (review_rows.cpp); plain_write
// transactions, except that the workflow, comments and audit are also written in a Store::write
Result<LoginFailures> write_login_failure(Connection& c, const std::string& key, std::int64_t now,
                                          std::int64_t window);
Result<LoginFailures> read_login_failures(Connection& c, const std::string& key,
                                          std::int64_t since);
Status remove_login_failures(Connection& c, const std::string& key);
Result<std::vector<QueueItem>> read_review_queue(Connection& c, PracticeStatus status);
Result<PracticeWorkflow> read_workflow(Connection& c, std::int64_t practice_id);
Status write_workflow(Connection& c, const PracticeWorkflow& workflow);
Result<std::vector<ReviewComment>> read_comments(Connection& c, std::int64_t practice_id,
                                                 bool submitter_only);
Result<std::int64_t> write_comment(Connection& c, const ReviewComment& comment);
Status write_audit(Connection& c, const AuditEntry& entry);
Status write_draft(Connection& c, const SubmissionDraft& draft);
Result<SubmissionDraft> read_draft(Connection& c, const std::string& token_hash);
Status remove_draft(Connection& c, const std::string& token_hash);
Status write_submission(Connection& c, const Submission& submission);
Result<Submission> read_submission(Connection& c, const std::string& token_hash);
Result<Submission> read_submission_for(Connection& c, std::int64_t practice_id);
// Revisions (revision_rows.cpp). A saved revision holds the stored content; a proposed one
// (Writer::propose_revision) a pending revision's. write_revision records one when the content
// of `practice` (stored as `practice_id`) differs from the latest of its kind (a proposed one:
// from the latest of all), else writes nothing; returns the number of the revision holding that
// content (that latest one's when nothing was written).
enum class RevisionKind { saved, proposed };
Result<int> write_revision(Connection& c, std::int64_t practice_id, const Practice& practice,
                           const RevisionNote& note, RevisionKind kind = RevisionKind::saved);
// The latest saved revision: the one of the stored content, after write_baseline_revision.
// not_found for no practice.
Result<int> read_stored_revision_number(Connection& c, std::int64_t practice_id);
// A practice stored before revisions were kept (migration 10) gets its stored content as its
// first revision, noted by "system", before a save changes it; others write nothing.
Status write_baseline_revision(Connection& c, std::int64_t practice_id);
Result<std::vector<PracticeRevision>> read_revisions(Connection& c, std::int64_t practice_id);
Result<PracticeRevision> read_revision(Connection& c, std::int64_t practice_id, int number);
// A published practice's pending revision (pending_rows.cpp: Writer::propose_revision).
Result<PendingRevision> read_pending_revision(Connection& c, std::int64_t practice_id);
Result<PendingRevision> write_proposal(Connection& c, const Practice& content,
                                       const RevisionNote& note);
Status remove_pending_revision(Connection& c, std::int64_t practice_id);
// The content of every pending revision, by practice id.
Result<std::vector<Practice>> read_pending_contents(Connection& c);
// Proposes `content` again as its practice's pending revision (its base kept), the practice
// moved to another unit or section; dropped instead when it then is the published text.
Status repropose(Connection& c, const Practice& content, const RevisionNote& note);
// Expert assessments (assessment_rows.cpp): in review forms' Store::write transactions.
Result<std::vector<Assessment>> read_assessments(Connection& c, std::int64_t practice_id);
Status write_assessment(Connection& c, const Assessment& assessment);
// Whether the practice's page shows the assessment's summary; the write appends a change of
// the practice (its pages show it or stop).
Result<bool> read_assessment_disclosed(Connection& c, std::int64_t practice_id);
Status write_assessment_disclosed(Connection& c, std::int64_t practice_id, bool disclosed,
                                  std::int64_t at);
// Verification of data (verification_rows.cpp): read in read transactions; written in a
// Store::write (write_verification appends a change of the practice).
Result<Verification> read_verification(Connection& c, std::int64_t practice_id);
Result<std::vector<VerificationItem>> read_verifications(Connection& c);
Result<Verification> read_verification_by_token(Connection& c, const std::string& token_hash);
Status write_verification(Connection& c, const Verification& verification);
Result<bool> claim_reminder(Connection& c, std::int64_t practice_id, std::int64_t now,
                            std::int64_t reminded_before, const std::string& token_hash);
Result<std::vector<AuditEntry>> read_audit_log(Connection& c, const std::string& action_prefix,
                                               const std::string& entity, std::int64_t before,
                                               int limit);

// --- the mail outbox (mail_rows.cpp); plain_write / read transactions (enqueue also inside a
// logged_write one: Writer::enqueue_mail): no change log
Result<std::int64_t> write_mail(Connection& c, const OutgoingMail& mail);
Result<std::vector<OutgoingMail>> claim_due_mail(Connection& c, std::int64_t now,
                                                 std::int64_t lease_seconds, int limit);
Status write_mail_sent(Connection& c, std::int64_t id, std::int64_t now);
Status write_mail_failed(Connection& c, std::int64_t id, std::int64_t now, const std::string& error,
                         const MailRetry& retry);
Result<std::vector<OutgoingMail>> read_outbox(Connection& c, std::optional<MailState> state,
                                              int limit);
// A dead letter queued again, due at `now`, its attempts counted anew (in a Store::write, with
// its audit entry).
Status write_mail_requeued(Connection& c, std::int64_t id, std::int64_t now);

// --- the links of "Inne bazy danych" (link_rows.cpp); logged_write transactions
Result<std::vector<Link>> read_links(Connection& c);
Result<Link> read_link(Connection& c, std::int64_t id);
// `given` writes the link's check result as it is (loading); `kept` keeps the stored one on
// an update (forgetting it when the address changed).
enum class LinkCheckFields { given, kept };
Result<std::int64_t> write_link(Connection& c, const Link& link, LinkCheckFields check);
Status remove_link(Connection& c, std::int64_t id);
Status write_link_check(Connection& c, const LinkCheck& check);

// --- adoptions (adoption_rows.cpp); writing needs a logged_write transaction
Result<Adoption> read_adoption(Connection& c, std::int64_t id);
Result<std::vector<Adoption>> read_adoptions_of(Connection& c, std::int64_t practice_id);
Result<std::vector<Adoption>> read_adoptions_in(Connection& c, AdoptionStatus status);
Result<std::vector<Adoption>> read_all_adoptions(Connection& c);
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> read_adoption_counts(Connection& c);
Result<std::int64_t> write_adoption(Connection& c, const Adoption& adoption);
// Before practice `practice_id` is deleted: its adoptions go, and those naming it as the
// adopting unit's own practice forget it.
Status release_adoptions(Connection& c, std::int64_t practice_id);

// --- operational state (operational_rows.cpp); writing needs a logged_write transaction (the
// visitor base is a setting in the change log)
Result<OperationalState> read_operational_state(Connection& c);
Status write_operational_state(Connection& c, const OperationalState& state);

// --- multi-row inserts (insert_rows.cpp)
// Inserts `rows` (each `columns` values) into `table (column_list)` with multi-row VALUES, a
// bounded number of rows per statement (so the statement cache stays small). `returning`, when
// not empty, is appended as "RETURNING <returning>" and the rows of every statement are
// collected. REQUIRES: table, column_list, returning are constants of the store.
Result<std::vector<Rows>> insert_rows(Connection& c, std::string_view table,
                                      std::string_view column_list, int columns,
                                      const std::vector<Value>& values,
                                      std::string_view returning = {});

}  // namespace bdp::sql
