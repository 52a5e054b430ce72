#include "store/sql/sql_store.h"

#include <utility>

#include "store/sql/document_tables.h"
#include "store/sql/tables.h"
#include "store/sql/transact.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

// Who a revision is noted as by when the caller names nobody (imports, the command line).
const RevisionNote kBySystem{0, std::nullopt, "system", ""};

// Each save in its own savepoint: a refused one is undone alone (PostgreSQL would otherwise
// refuse every later statement of the transaction).
class SavepointWriter final : public Writer {
 public:
  explicit SavepointWriter(Connection& c) : c_(c) {}

  Result<std::int64_t> save_section(const Section& section) override {
    return guarded([&] { return write_section(c_, section); });
  }
  Result<std::int64_t> save_unit(const Unit& unit) override {
    return guarded([&] { return write_unit(c_, unit); });
  }
  Result<Unit> unit(std::int64_t id) override { return read_unit(c_, id); }
  Status merge_unit(std::int64_t from, std::int64_t into, const RevisionNote& note) override {
    return guarded([&] { return write_unit_merge(c_, from, into, note); });
  }
  Status remove_section(std::int64_t id, std::optional<std::int64_t> into,
                        const RevisionNote& note) override {
    return guarded([&] { return write_section_removal(c_, id, into, note); });
  }
  Result<std::int64_t> save_practice(const Practice& practice) override {
    return save_practice(practice, kBySystem);
  }
  Result<std::int64_t> save_practice(const Practice& practice, const RevisionNote& note) override {
    return guarded([&] { return write_practice(c_, practice, Stamp::now, note); });
  }
  Result<Practice> practice(std::int64_t id) override { return read_practice(c_, id); }
  Result<PracticeRevision> revision(std::int64_t practice_id, int number) override {
    return read_revision(c_, practice_id, number);
  }
  Result<PendingRevision> propose_revision(const Practice& content,
                                           const RevisionNote& note) override {
    return guarded([&] { return write_proposal(c_, content, note); });
  }
  Result<PendingRevision> pending_revision(std::int64_t practice_id) override {
    return read_pending_revision(c_, practice_id);
  }
  Status drop_pending_revision(std::int64_t practice_id) override {
    return guarded([&] { return remove_pending_revision(c_, practice_id); });
  }
  Result<PracticeWorkflow> workflow(std::int64_t practice_id) override {
    return read_workflow(c_, practice_id);
  }
  Status save_workflow(const PracticeWorkflow& workflow) override {
    return guarded([&] { return write_workflow(c_, workflow); });
  }
  Result<std::int64_t> add_comment(const ReviewComment& comment) override {
    return guarded([&] { return write_comment(c_, comment); });
  }
  Status append_audit(const AuditEntry& entry) override {
    return guarded([&] { return write_audit(c_, entry); });
  }
  Status add_submission(const Submission& submission) override {
    return guarded([&] { return write_submission(c_, submission); });
  }
  Status delete_draft(const std::string& token_hash) override {
    return guarded([&] { return remove_draft(c_, token_hash); });
  }
  Result<Submission> submission_for(std::int64_t practice_id) override {
    return read_submission_for(c_, practice_id);
  }
  Result<std::int64_t> enqueue_mail(const OutgoingMail& mail) override {
    return guarded([&] { return write_mail(c_, mail); });
  }
  Status requeue_mail(std::int64_t id, std::int64_t now) override {
    return guarded([&] { return write_mail_requeued(c_, id, now); });
  }
  Status save_setting(const std::string& key, const std::string& value) override {
    return guarded([&] { return write_setting(c_, key, value); });
  }
  Result<Link> link(std::int64_t id) override { return read_link(c_, id); }
  Result<std::int64_t> save_link(const Link& link) override {
    return guarded([&] { return write_link(c_, link, LinkCheckFields::kept); });
  }
  Status delete_link(std::int64_t id) override {
    return guarded([&] { return remove_link(c_, id); });
  }
  Result<Adoption> adoption(std::int64_t id) override { return read_adoption(c_, id); }
  Result<std::int64_t> save_adoption(const Adoption& adoption) override {
    return guarded([&] { return write_adoption(c_, adoption); });
  }
  Result<std::vector<Assessment>> assessments(std::int64_t practice_id) override {
    return read_assessments(c_, practice_id);
  }
  Status save_assessment(const Assessment& assessment) override {
    return guarded([&] { return write_assessment(c_, assessment); });
  }
  Result<bool> assessment_disclosed(std::int64_t practice_id) override {
    return read_assessment_disclosed(c_, practice_id);
  }
  Status disclose_assessment(std::int64_t practice_id, bool disclosed, std::int64_t at) override {
    return guarded([&] { return write_assessment_disclosed(c_, practice_id, disclosed, at); });
  }
  Result<Verification> verification(std::int64_t practice_id) override {
    return read_verification(c_, practice_id);
  }
  Status save_verification(const Verification& verification) override {
    return guarded([&] { return write_verification(c_, verification); });
  }
  Result<bool> claim_reminder(std::int64_t practice_id, std::int64_t now,
                              std::int64_t reminded_before,
                              const std::string& token_hash) override {
    return guarded(
        [&] { return sql::claim_reminder(c_, practice_id, now, reminded_before, token_hash); });
  }

 private:
  template <class Save>
  auto guarded(Save save) -> decltype(save()) {
    if (auto begun = c_.run("SAVEPOINT bdp_save"); !begun) return std::unexpected(begun.error());
    auto saved = save();
    if (!saved) {
      if (auto undone = c_.run("ROLLBACK TO SAVEPOINT bdp_save"); !undone) {
        return std::unexpected(undone.error());
      }
    }
    if (auto released = c_.run("RELEASE SAVEPOINT bdp_save"); !released) {
      return std::unexpected(released.error());
    }
    return saved;
  }
  Connection& c_;
};

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Engine> engine)
      : engine_(std::move(engine)), documents_(make_sql_document_store(*engine_)) {}

  Status migrate() override { return sql::migrate(*engine_); }

  Result<std::vector<Section>> sections() override { return read(read_sections); }
  Result<std::int64_t> save_section(const Section& section) override {
    return logged([&](Connection& c) { return write_section(c, section); });
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> section_counts() override {
    return read(read_section_counts);
  }

  Result<Unit> unit(std::int64_t id) override {
    return read([&](Connection& c) { return read_unit(c, id); });
  }
  Result<Unit> unit_by_slug(const std::string& slug) override {
    return read([&](Connection& c) { return read_unit_by_slug(c, slug); });
  }
  Result<std::vector<Unit>> units() override { return read(read_units); }
  Result<std::int64_t> save_unit(const Unit& unit) override {
    return logged([&](Connection& c) { return write_unit(c, unit); });
  }
  Result<std::int64_t> retired_slug(EntityKind kind, const std::string& slug) override {
    return read([&](Connection& c) { return read_retired_slug(c, kind, slug); });
  }
  Result<std::string> setting(const std::string& key) override {
    return read([&](Connection& c) { return read_setting(c, key); });
  }

  Result<Practice> practice(std::int64_t id) override {
    return read([&](Connection& c) { return read_practice(c, id); });
  }
  Result<Practice> practice_by_source_key(const std::string& source_key) override {
    return read([&](Connection& c) { return read_practice_by_source_key(c, source_key); });
  }
  Result<std::int64_t> save_practice(const Practice& practice) override {
    return logged(
        [&](Connection& c) { return write_practice(c, practice, Stamp::now, kBySystem); });
  }
  Status delete_practice(std::int64_t id) override {
    return logged([&](Connection& c) { return remove_practice(c, id); });
  }
  Result<std::vector<PracticeRevision>> revisions(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_revisions(c, practice_id); });
  }
  Result<PracticeRevision> revision(std::int64_t practice_id, int number) override {
    return read([&](Connection& c) { return read_revision(c, practice_id, number); });
  }
  Result<PendingRevision> pending_revision(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_pending_revision(c, practice_id); });
  }
  Result<Page<Practice>> practices_in_section(std::int64_t section_id, PracticeSort sort,
                                              PageRequest page) override {
    return read(
        [&](Connection& c) { return read_practices_in_section(c, section_id, sort, page); });
  }
  Result<std::vector<Practice>> practices_of_unit(std::int64_t unit_id) override {
    return read([&](Connection& c) { return read_practices_of_unit(c, unit_id); });
  }
  Result<std::vector<Practice>> all_practices() override { return read(read_all_practices); }
  Result<std::vector<Practice>> published_practices(const PublishedQuery& query) override {
    return read([&](Connection& c) { return read_published_practices(c, query); });
  }

  Result<std::vector<Change>> changes_since(std::int64_t seq, int limit) override {
    return read([&](Connection& c) { return read_changes(c, seq, limit); });
  }
  Result<std::int64_t> last_change_seq() override { return read(read_last_change_seq); }

  Result<VisitorTotals> record_visits(const std::string& day,
                                      const std::vector<std::string>& visitor_hashes) override {
    return plain([&](Connection& c) { return write_visits(c, day, visitor_hashes); });
  }
  Result<VisitorTotals> visitor_totals() override { return read(read_visitor_totals); }
  Result<std::vector<std::string>> visitors_on(const std::string& day) override {
    return read([&](Connection& c) { return read_visitors_on(c, day); });
  }
  Status set_visitor_base(std::int64_t base) override {
    return logged([&](Connection& c) { return write_visitor_base(c, base); });
  }
  Result<std::string> daily_salt(const std::string& day) override {
    return plain([&](Connection& c) { return write_daily_salt(c, day); });
  }

  Result<std::int64_t> add_editor(const Editor& editor) override {
    return plain([&](Connection& c) { return write_editor(c, editor); });
  }
  Result<std::vector<Editor>> editors() override { return read(read_editors); }
  Result<Editor> editor_by_email(const std::string& email) override {
    return read([&](Connection& c) { return read_editor_by_email(c, email); });
  }
  Status set_editor_disabled(const std::string& email, bool disabled) override {
    return plain([&](Connection& c) { return write_editor_disabled(c, email, disabled); });
  }
  Status create_session(const EditorSession& session) override {
    return plain([&](Connection& c) { return write_session(c, session); });
  }
  Result<Editor> session_editor(const std::string& token_hash, std::int64_t now) override {
    return plain([&](Connection& c) { return read_session_editor(c, token_hash, now); });
  }
  Status delete_session(const std::string& token_hash) override {
    return plain([&](Connection& c) { return remove_session(c, token_hash); });
  }
  Result<std::int64_t> prune_sessions(std::int64_t now) override {
    return plain([&](Connection& c) { return prune_expired_sessions(c, now); });
  }

  Result<Editor> editor(std::int64_t id) override {
    return read([&](Connection& c) { return read_editor(c, id); });
  }
  Status set_editor_role(const std::string& email, Role role, const AuditEntry& audit) override {
    return plain([&](Connection& c) { return write_editor_role(c, email, role, audit); });
  }
  Status set_editor_password(std::int64_t editor_id, const std::string& password_hash,
                             const std::string& keep_session, const AuditEntry& audit) override {
    return plain([&](Connection& c) {
      return write_editor_password(c, editor_id, password_hash, keep_session, audit);
    });
  }
  Result<LoginFailures> record_login_failure(const std::string& key, std::int64_t now,
                                             std::int64_t window) override {
    return plain([&](Connection& c) { return write_login_failure(c, key, now, window); });
  }
  Result<LoginFailures> login_failures(const std::string& key, std::int64_t since) override {
    return read([&](Connection& c) { return read_login_failures(c, key, since); });
  }
  Status clear_login_failures(const std::string& key) override {
    return plain([&](Connection& c) { return remove_login_failures(c, key); });
  }
  Status save_draft(const SubmissionDraft& draft) override {
    return plain([&](Connection& c) { return write_draft(c, draft); });
  }
  Result<SubmissionDraft> draft(const std::string& token_hash) override {
    return read([&](Connection& c) { return read_draft(c, token_hash); });
  }
  Result<Submission> submission(const std::string& token_hash) override {
    return read([&](Connection& c) { return read_submission(c, token_hash); });
  }
  Result<std::vector<QueueItem>> review_queue(PracticeStatus status) override {
    return read([&](Connection& c) { return read_review_queue(c, status); });
  }
  Result<PracticeWorkflow> workflow(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_workflow(c, practice_id); });
  }
  Result<std::vector<ReviewComment>> comments(std::int64_t practice_id,
                                              bool submitter_only) override {
    return read([&](Connection& c) { return read_comments(c, practice_id, submitter_only); });
  }
  Result<std::vector<Assessment>> assessments(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_assessments(c, practice_id); });
  }
  Result<bool> assessment_disclosed(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_assessment_disclosed(c, practice_id); });
  }
  Result<Verification> verification(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_verification(c, practice_id); });
  }
  Result<std::vector<VerificationItem>> verifications() override {
    return read(read_verifications);
  }
  Result<Verification> verification_by_token(const std::string& token_hash) override {
    return read([&](Connection& c) { return read_verification_by_token(c, token_hash); });
  }
  Status append_audit(const AuditEntry& entry) override {
    return plain([&](Connection& c) { return write_audit(c, entry); });
  }
  Result<std::vector<AuditEntry>> audit_log(const std::string& action_prefix,
                                            const std::string& entity, std::int64_t before,
                                            int limit) override {
    return read(
        [&](Connection& c) { return read_audit_log(c, action_prefix, entity, before, limit); });
  }
  Result<std::int64_t> enqueue_mail(const OutgoingMail& mail) override {
    return plain([&](Connection& c) { return write_mail(c, mail); });
  }
  Result<std::vector<OutgoingMail>> claim_mail(std::int64_t now, std::int64_t lease_seconds,
                                               int limit) override {
    return plain([&](Connection& c) { return claim_due_mail(c, now, lease_seconds, limit); });
  }
  Status mail_sent(std::int64_t id, std::int64_t now) override {
    return plain([&](Connection& c) { return write_mail_sent(c, id, now); });
  }
  Status mail_failed(std::int64_t id, std::int64_t now, const std::string& error,
                     const MailRetry& retry) override {
    return plain([&](Connection& c) { return write_mail_failed(c, id, now, error, retry); });
  }
  Result<std::vector<OutgoingMail>> outbox(std::optional<MailState> state, int limit) override {
    return read([&](Connection& c) { return read_outbox(c, state, limit); });
  }

  Result<std::vector<Link>> links() override { return read(read_links); }
  Result<Link> link(std::int64_t id) override {
    return read([&](Connection& c) { return read_link(c, id); });
  }
  Result<std::int64_t> save_link(const Link& link) override {
    return logged([&](Connection& c) { return write_link(c, link, LinkCheckFields::kept); });
  }
  Status delete_link(std::int64_t id) override {
    return logged([&](Connection& c) { return remove_link(c, id); });
  }
  Status record_link_check(const LinkCheck& check) override {
    return logged([&](Connection& c) { return write_link_check(c, check); });
  }

  Result<Adoption> adoption(std::int64_t id) override {
    return read([&](Connection& c) { return read_adoption(c, id); });
  }
  Result<std::vector<Adoption>> adoptions_of(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_adoptions_of(c, practice_id); });
  }
  Result<std::vector<Adoption>> adoptions_in(AdoptionStatus status) override {
    return read([&](Connection& c) { return read_adoptions_in(c, status); });
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> adoption_counts() override {
    return read(read_adoption_counts);
  }
  Result<std::int64_t> save_adoption(const Adoption& adoption) override {
    return logged([&](Connection& c) { return write_adoption(c, adoption); });
  }

  DocumentStore& documents() override { return *documents_; }

  Status write(const std::function<Status(Writer&)>& body) override {
    return logged([&](Connection& c) {
      SavepointWriter writer(c);
      return body(writer);
    });
  }

  Result<Dataset> dump() override { return read(dump_in); }
  Status load(const Dataset& data) override {
    return logged([&](Connection& c) { return load_in(c, data); });
  }
  Result<bool> empty() override {
    return read([](Connection& c) -> Result<bool> {
      auto empty = c.exec(
          "SELECT NOT EXISTS (SELECT 1 FROM sections) AND NOT EXISTS (SELECT 1 FROM units) "
          "AND NOT EXISTS (SELECT 1 FROM practices)");
      if (!empty) return std::unexpected(empty.error());
      return empty->boolean(0, 0);
    });
  }

  Result<OperationalState> operational_state() override { return read(read_operational_state); }
  Status load_operational_state(const OperationalState& state) override {
    return logged([&](Connection& c) { return write_operational_state(c, state); });
  }

 private:
  template <class Body>
  auto read(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return in_transaction(Access::read, body);
  }
  template <class Body>
  auto logged(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return in_transaction(Access::logged_write, body);
  }
  template <class Body>
  auto plain(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return in_transaction(Access::plain_write, body);
  }

  template <class Body>
  auto in_transaction(Access access, Body& body) -> decltype(body(std::declval<Connection&>())) {
    return sql::in_transaction(*engine_, access, body);
  }

  static Result<Dataset> dump_in(Connection& c) {
    auto sections = read_sections(c);
    if (!sections) return std::unexpected(sections.error());
    auto units = read_units(c);
    if (!units) return std::unexpected(units.error());
    auto practices = read_all_practices(c);
    if (!practices) return std::unexpected(practices.error());
    auto links = read_links(c);
    if (!links) return std::unexpected(links.error());
    auto adoptions = read_all_adoptions(c);
    if (!adoptions) return std::unexpected(adoptions.error());
    return Dataset{std::move(*sections), std::move(*units), std::move(*practices),
                   std::move(*links), std::move(*adoptions)};
  }

  static Status load_in(Connection& c, const Dataset& data) {
    auto sections = parents_first(data.sections);
    if (!sections) return std::unexpected(sections.error());
    for (const auto& section : *sections) {
      if (auto id = write_section(c, section); !id) return std::unexpected(id.error());
    }
    for (const auto& unit : data.units) {
      if (auto id = write_unit(c, unit); !id) return std::unexpected(id.error());
    }
    for (const auto& practice : data.practices) {
      if (auto id = write_practice(c, practice, Stamp::keep, kBySystem); !id) {
        return std::unexpected(id.error());
      }
    }
    for (const auto& link : data.links) {
      if (auto id = write_link(c, link, LinkCheckFields::given); !id) {
        return std::unexpected(id.error());
      }
    }
    for (const auto& adoption : data.adoptions) {
      if (auto id = write_adoption(c, adoption); !id) return std::unexpected(id.error());
    }
    return {};
  }

  std::unique_ptr<Engine> engine_;
  std::unique_ptr<DocumentStore> documents_;
};

}  // namespace

std::unique_ptr<Store> make_sql_store(std::unique_ptr<Engine> engine) {
  return std::make_unique<SqlStore>(std::move(engine));
}

}  // namespace bdp::sql
