// FailingStore: a Store that forwards every call to another one until fail_with() is called;
// from then on every call fails with that error (as a database that went away would), until
// heal(). For tests of what clients see when storage fails. Thread-safe as the inner store is.
#pragma once

#include <mutex>
#include <optional>

#include "store/store.h"

namespace bdp::testing {

class FailingStore final : public Store {
 public:
  explicit FailingStore(Store& inner) : inner_(inner) {}

  void fail_with(Error error) {
    std::lock_guard lock(mutex_);
    failure_ = std::move(error);
  }
  void heal() {
    std::lock_guard lock(mutex_);
    failure_.reset();
  }

  Status migrate() override {
    return call([&] { return inner_.migrate(); });
  }
  Result<std::vector<Section>> sections() override {
    return call([&] { return inner_.sections(); });
  }
  Result<std::int64_t> save_section(const Section& s) override {
    return call([&] { return inner_.save_section(s); });
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> section_counts() override {
    return call([&] { return inner_.section_counts(); });
  }
  Result<Unit> unit(std::int64_t id) override {
    return call([&] { return inner_.unit(id); });
  }
  Result<Unit> unit_by_slug(const std::string& slug) override {
    return call([&] { return inner_.unit_by_slug(slug); });
  }
  Result<std::vector<Unit>> units() override {
    return call([&] { return inner_.units(); });
  }
  Result<std::int64_t> retired_slug(EntityKind kind, const std::string& slug) override {
    return call([&] { return inner_.retired_slug(kind, slug); });
  }
  Result<std::string> setting(const std::string& key) override {
    return call([&] { return inner_.setting(key); });
  }
  Result<std::int64_t> save_unit(const Unit& u) override {
    return call([&] { return inner_.save_unit(u); });
  }
  Result<Practice> practice(std::int64_t id) override {
    return call([&] { return inner_.practice(id); });
  }
  Result<Practice> practice_by_source_key(const std::string& key) override {
    return call([&] { return inner_.practice_by_source_key(key); });
  }
  Result<std::int64_t> save_practice(const Practice& p) override {
    return call([&] { return inner_.save_practice(p); });
  }
  Status delete_practice(std::int64_t id) override {
    return call([&] { return inner_.delete_practice(id); });
  }
  Result<std::vector<PracticeRevision>> revisions(std::int64_t practice_id) override {
    return call([&] { return inner_.revisions(practice_id); });
  }
  Result<PracticeRevision> revision(std::int64_t practice_id, int number) override {
    return call([&] { return inner_.revision(practice_id, number); });
  }
  Result<PendingRevision> pending_revision(std::int64_t practice_id) override {
    return call([&] { return inner_.pending_revision(practice_id); });
  }
  Result<Page<Practice>> practices_in_section(std::int64_t section_id, PracticeSort sort,
                                              PageRequest page) override {
    return call([&] { return inner_.practices_in_section(section_id, sort, page); });
  }
  Result<std::vector<Practice>> practices_of_unit(std::int64_t unit_id) override {
    return call([&] { return inner_.practices_of_unit(unit_id); });
  }
  Result<std::vector<Practice>> all_practices() override {
    return call([&] { return inner_.all_practices(); });
  }
  Result<std::vector<Practice>> published_practices(const PublishedQuery& query) override {
    return call([&] { return inner_.published_practices(query); });
  }
  Result<std::vector<Change>> changes_since(std::int64_t seq, int limit) override {
    return call([&] { return inner_.changes_since(seq, limit); });
  }
  Result<std::int64_t> last_change_seq() override {
    return call([&] { return inner_.last_change_seq(); });
  }
  Result<std::vector<std::string>> visitors_on(const std::string& day) override {
    return call([&] { return inner_.visitors_on(day); });
  }
  Result<VisitorTotals> record_visits(const std::string& day,
                                      const std::vector<std::string>& hashes) override {
    return call([&] { return inner_.record_visits(day, hashes); });
  }
  Result<VisitorTotals> visitor_totals() override {
    return call([&] { return inner_.visitor_totals(); });
  }
  Status set_visitor_base(std::int64_t base) override {
    return call([&] { return inner_.set_visitor_base(base); });
  }
  Result<std::string> daily_salt(const std::string& day) override {
    return call([&] { return inner_.daily_salt(day); });
  }
  Result<std::int64_t> add_editor(const Editor& e) override {
    return call([&] { return inner_.add_editor(e); });
  }
  Result<std::vector<Editor>> editors() override {
    return call([&] { return inner_.editors(); });
  }
  Result<Editor> editor_by_email(const std::string& email) override {
    return call([&] { return inner_.editor_by_email(email); });
  }
  Status set_editor_disabled(const std::string& email, bool disabled) override {
    return call([&] { return inner_.set_editor_disabled(email, disabled); });
  }
  Status create_session(const EditorSession& s) override {
    return call([&] { return inner_.create_session(s); });
  }
  Result<Editor> session_editor(const std::string& hash, std::int64_t now) override {
    return call([&] { return inner_.session_editor(hash, now); });
  }
  Status delete_session(const std::string& hash) override {
    return call([&] { return inner_.delete_session(hash); });
  }
  Result<std::int64_t> prune_sessions(std::int64_t now) override {
    return call([&] { return inner_.prune_sessions(now); });
  }
  Result<Editor> editor(std::int64_t id) override {
    return call([&] { return inner_.editor(id); });
  }
  Status set_editor_role(const std::string& email, Role role, const AuditEntry& audit) override {
    return call([&] { return inner_.set_editor_role(email, role, audit); });
  }
  Status set_editor_password(std::int64_t id, const std::string& hash, const std::string& keep,
                             const AuditEntry& audit) override {
    return call([&] { return inner_.set_editor_password(id, hash, keep, audit); });
  }
  Result<LoginFailures> record_login_failure(const std::string& key, std::int64_t now,
                                             std::int64_t window) override {
    return call([&] { return inner_.record_login_failure(key, now, window); });
  }
  Result<LoginFailures> login_failures(const std::string& key, std::int64_t since) override {
    return call([&] { return inner_.login_failures(key, since); });
  }
  Status clear_login_failures(const std::string& key) override {
    return call([&] { return inner_.clear_login_failures(key); });
  }
  Result<std::vector<QueueItem>> review_queue(PracticeStatus status) override {
    return call([&] { return inner_.review_queue(status); });
  }
  Result<PracticeWorkflow> workflow(std::int64_t practice_id) override {
    return call([&] { return inner_.workflow(practice_id); });
  }
  Result<std::vector<ReviewComment>> comments(std::int64_t practice_id,
                                              bool submitter_only) override {
    return call([&] { return inner_.comments(practice_id, submitter_only); });
  }
  Result<std::vector<Assessment>> assessments(std::int64_t practice_id) override {
    return call([&] { return inner_.assessments(practice_id); });
  }
  Result<bool> assessment_disclosed(std::int64_t practice_id) override {
    return call([&] { return inner_.assessment_disclosed(practice_id); });
  }
  Result<Verification> verification(std::int64_t practice_id) override {
    return call([&] { return inner_.verification(practice_id); });
  }
  Result<std::vector<VerificationItem>> verifications() override {
    return call([&] { return inner_.verifications(); });
  }
  Result<Verification> verification_by_token(const std::string& token_hash) override {
    return call([&] { return inner_.verification_by_token(token_hash); });
  }
  Status append_audit(const AuditEntry& entry) override {
    return call([&] { return inner_.append_audit(entry); });
  }
  Status save_draft(const SubmissionDraft& draft) override {
    return call([&] { return inner_.save_draft(draft); });
  }
  Result<SubmissionDraft> draft(const std::string& hash) override {
    return call([&] { return inner_.draft(hash); });
  }
  Result<Submission> submission(const std::string& hash) override {
    return call([&] { return inner_.submission(hash); });
  }
  Result<std::vector<AuditEntry>> audit_log(const std::string& prefix, const std::string& entity,
                                            std::int64_t before, int limit) override {
    return call([&] { return inner_.audit_log(prefix, entity, before, limit); });
  }
  Result<std::int64_t> enqueue_mail(const OutgoingMail& mail) override {
    return call([&] { return inner_.enqueue_mail(mail); });
  }
  Result<std::vector<OutgoingMail>> claim_mail(std::int64_t now, std::int64_t lease_seconds,
                                               int limit) override {
    return call([&] { return inner_.claim_mail(now, lease_seconds, limit); });
  }
  Status mail_sent(std::int64_t id, std::int64_t now) override {
    return call([&] { return inner_.mail_sent(id, now); });
  }
  Status mail_failed(std::int64_t id, std::int64_t now, const std::string& error,
                     const MailRetry& retry) override {
    return call([&] { return inner_.mail_failed(id, now, error, retry); });
  }
  Result<std::vector<OutgoingMail>> outbox(std::optional<MailState> state, int limit) override {
    return call([&] { return inner_.outbox(state, limit); });
  }
  Result<std::vector<Link>> links() override {
    return call([&] { return inner_.links(); });
  }
  Result<Link> link(std::int64_t id) override {
    return call([&] { return inner_.link(id); });
  }
  Result<std::int64_t> save_link(const Link& link) override {
    return call([&] { return inner_.save_link(link); });
  }
  Status delete_link(std::int64_t id) override {
    return call([&] { return inner_.delete_link(id); });
  }
  Status record_link_check(const LinkCheck& check) override {
    return call([&] { return inner_.record_link_check(check); });
  }
  Result<Adoption> adoption(std::int64_t id) override {
    return call([&] { return inner_.adoption(id); });
  }
  Result<std::vector<Adoption>> adoptions_of(std::int64_t practice_id) override {
    return call([&] { return inner_.adoptions_of(practice_id); });
  }
  Result<std::vector<Adoption>> adoptions_in(AdoptionStatus status) override {
    return call([&] { return inner_.adoptions_in(status); });
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> adoption_counts() override {
    return call([&] { return inner_.adoption_counts(); });
  }
  Result<std::int64_t> save_adoption(const Adoption& adoption) override {
    return call([&] { return inner_.save_adoption(adoption); });
  }
  Result<Dataset> dump() override {
    return call([&] { return inner_.dump(); });
  }
  // The document library is the inner store's, not failed by fail_with().
  DocumentStore& documents() override { return inner_.documents(); }
  Status write(const std::function<Status(Writer&)>& body) override {
    return call([&] { return inner_.write(body); });
  }
  Status load(const Dataset& data) override {
    return call([&] { return inner_.load(data); });
  }
  Result<bool> empty() override {
    return call([&] { return inner_.empty(); });
  }
  Result<OperationalState> operational_state() override {
    return call([&] { return inner_.operational_state(); });
  }
  Status load_operational_state(const OperationalState& state) override {
    return call([&] { return inner_.load_operational_state(state); });
  }

 private:
  template <class F>
  auto call(F&& forward) -> decltype(forward()) {
    {
      std::lock_guard lock(mutex_);
      if (failure_) return std::unexpected(*failure_);
    }
    return forward();
  }

  Store& inner_;
  std::mutex mutex_;
  std::optional<Error> failure_;
};

}  // namespace bdp::testing
