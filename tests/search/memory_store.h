// MemoryStore: an in-memory Store for the search tests, with a real change log, so the index
// can be fed and followed without a database. Single-threaded use only (plus the mutex for the
// follower test). Operations the search never calls fail with `internal`, saying so.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace bdp::search::testing {

// A library held in memory: documents with their versions and the text of each version, put
// in by the test (MemoryStore::put_document); only what the search reads is supported.
class MemoryDocuments final : public DocumentStore {
 public:
  void put(const Document& document, const std::map<std::int64_t, std::vector<PageText>>& texts) {
    std::lock_guard lock(mutex_);
    documents_[document.id] = document;
    for (const auto& [version_id, pages] : texts) texts_[version_id] = pages;
  }
  void remove(std::int64_t id) {
    std::lock_guard lock(mutex_);
    documents_.erase(id);
  }

  Result<std::int64_t> save_document(const Document&, const AuditEntry&) override {
    return unsupported<std::int64_t>();
  }
  Result<Document> document(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    auto it = documents_.find(id);
    if (it == documents_.end())
      return fail(ErrorKind::not_found, "no document " + std::to_string(id));
    return it->second;
  }
  Result<std::vector<Document>> documents() override {
    std::lock_guard lock(mutex_);
    std::vector<Document> out;
    for (const auto& [id, d] : documents_) out.push_back(d);
    return out;
  }
  Result<std::vector<Document>> documents_of_practice(std::int64_t) override {
    return unsupported<std::vector<Document>>();
  }
  Result<DocumentVersion> add_version(const NewVersion&, ByteSource&, const AuditEntry&) override {
    return unsupported<DocumentVersion>();
  }
  Status withdraw_version(std::int64_t, std::int64_t, const std::string&, const std::string&,
                          const AuditEntry&) override {
    return unsupported<void>();
  }
  Result<DocumentVersion> version(std::int64_t) override { return unsupported<DocumentVersion>(); }
  Result<std::string> file_bytes(const std::string&, std::int64_t, std::int64_t) override {
    return unsupported<std::string>();
  }
  Status put_file(const std::string&, ByteSource&) override { return unsupported<void>(); }
  Status put_document(const DocumentCopy&) override { return unsupported<void>(); }
  Result<std::vector<std::string>> verify_files() override { return std::vector<std::string>{}; }
  Status set_text(std::int64_t, const std::string&, const std::vector<PageText>&,
                  const std::string&) override {
    return unsupported<void>();
  }
  Result<std::vector<PageText>> text(std::int64_t version_id) override {
    std::lock_guard lock(mutex_);
    auto it = texts_.find(version_id);
    return it == texts_.end() ? std::vector<PageText>{} : it->second;
  }
  Result<std::string> thumbnail(std::int64_t) override { return unsupported<std::string>(); }
  Result<std::vector<DocumentVersion>> pending_text(int) override {
    return std::vector<DocumentVersion>{};
  }

 private:
  template <class T>
  static Result<T> unsupported() {
    return fail(ErrorKind::internal, "not supported by the in-memory test store");
  }
  std::mutex mutex_;
  std::map<std::int64_t, Document> documents_;
  std::map<std::int64_t, std::vector<PageText>> texts_;  // by version id
};

class MemoryStore : public Store {
 public:
  int whole_reads = 0;  // calls of all_practices(): how often a follower re-read everything

  Status migrate() override { return {}; }

  Result<std::vector<Section>> sections() override {
    std::lock_guard lock(mutex_);
    std::vector<Section> out;
    for (const auto& [id, s] : sections_) out.push_back(s);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.position < b.position; });
    return out;
  }
  Result<std::int64_t> save_section(const Section& section) override {
    std::lock_guard lock(mutex_);
    sections_[section.id] = section;
    log(EntityKind::section, section.id, false);
    changes_.back().related = practices_under(section.id);
    return section.id;
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> section_counts() override {
    return unsupported<std::vector<std::pair<std::int64_t, std::int64_t>>>();
  }

  Result<Unit> unit(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    auto it = units_.find(id);
    if (it == units_.end()) return fail(ErrorKind::not_found, "no unit " + std::to_string(id));
    return it->second;
  }
  Result<Unit> unit_by_slug(const std::string&) override { return unsupported<Unit>(); }
  Result<std::int64_t> retired_slug(EntityKind, const std::string&) override {
    return unsupported<std::int64_t>();
  }
  Result<std::string> setting(const std::string&) override { return unsupported<std::string>(); }
  Result<std::vector<Unit>> units() override {
    std::lock_guard lock(mutex_);
    std::vector<Unit> out;
    for (const auto& [id, u] : units_) out.push_back(u);
    return out;
  }
  Result<std::int64_t> save_unit(const Unit& unit) override {
    std::lock_guard lock(mutex_);
    units_[unit.id] = unit;
    log(EntityKind::unit, unit.id, false);
    return unit.id;
  }

  Result<Practice> practice(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    auto it = practices_.find(id);
    if (it == practices_.end())
      return fail(ErrorKind::not_found, "no practice " + std::to_string(id));
    return it->second;
  }
  Result<Practice> practice_by_source_key(const std::string&) override {
    return unsupported<Practice>();
  }
  Result<std::int64_t> save_practice(const Practice& practice) override {
    std::lock_guard lock(mutex_);
    practices_[practice.id] = practice;
    log(EntityKind::practice, practice.id, false);
    return practice.id;
  }
  Status delete_practice(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    practices_.erase(id);
    log(EntityKind::practice, id, true);
    return {};
  }
  Result<Page<Practice>> practices_in_section(std::int64_t, PracticeSort, PageRequest) override {
    return unsupported<Page<Practice>>();
  }
  Result<std::vector<Practice>> practices_of_unit(std::int64_t unit_id) override {
    std::lock_guard lock(mutex_);
    std::vector<Practice> out;
    for (const auto& [id, p] : practices_) {
      if (p.unit_id == unit_id) out.push_back(p);
    }
    return out;
  }
  Result<std::vector<Practice>> all_practices() override {
    std::lock_guard lock(mutex_);
    ++whole_reads;
    std::vector<Practice> out;
    for (const auto& [id, p] : practices_) out.push_back(p);
    return out;
  }
  Result<std::vector<Practice>> published_practices(const PublishedQuery&) override {
    return unsupported<std::vector<Practice>>();
  }

  Result<std::vector<Change>> changes_since(std::int64_t seq, int limit) override {
    std::lock_guard lock(mutex_);
    std::vector<Change> out;
    for (const auto& c : changes_) {
      if (c.seq > seq && static_cast<int>(out.size()) < limit) out.push_back(c);
    }
    return out;
  }
  Result<std::int64_t> last_change_seq() override {
    std::lock_guard lock(mutex_);
    return changes_.empty() ? 0 : changes_.back().seq;
  }

  Result<VisitorTotals> record_visits(const std::string&,
                                      const std::vector<std::string>&) override {
    return unsupported<VisitorTotals>();
  }
  Result<VisitorTotals> visitor_totals() override { return unsupported<VisitorTotals>(); }
  Result<std::vector<std::string>> visitors_on(const std::string&) override {
    return unsupported<std::vector<std::string>>();
  }
  Status set_visitor_base(std::int64_t) override { return unsupported<void>(); }
  Status write(const std::function<Status(Writer&)>&) override { return unsupported<void>(); }
  DocumentStore& documents() override { return documents_; }
  // Stores (or replaces) a document with the text of its versions, logging the change as the
  // real stores do.
  void put_document(const Document& document,
                    const std::map<std::int64_t, std::vector<PageText>>& texts = {}) {
    documents_.put(document, texts);
    std::lock_guard lock(mutex_);
    log(EntityKind::document, document.id, false);
  }
  void remove_document(std::int64_t id) {
    documents_.remove(id);
    std::lock_guard lock(mutex_);
    log(EntityKind::document, id, true);
  }
  Result<std::string> daily_salt(const std::string&) override { return unsupported<std::string>(); }
  Result<std::int64_t> add_editor(const Editor&) override { return unsupported<std::int64_t>(); }
  Result<std::vector<Editor>> editors() override { return unsupported<std::vector<Editor>>(); }
  Result<Editor> editor_by_email(const std::string&) override { return unsupported<Editor>(); }
  Status set_editor_disabled(const std::string&, bool) override { return unsupported<void>(); }
  Status create_session(const EditorSession&) override { return unsupported<void>(); }
  Result<Editor> session_editor(const std::string&, std::int64_t) override {
    return unsupported<Editor>();
  }
  Status delete_session(const std::string&) override { return unsupported<void>(); }
  Result<std::int64_t> prune_sessions(std::int64_t) override { return unsupported<std::int64_t>(); }
  Result<Editor> editor(std::int64_t) override { return unsupported<Editor>(); }
  Status set_editor_role(const std::string&, Role, const AuditEntry&) override {
    return unsupported<void>();
  }
  Status set_editor_password(std::int64_t, const std::string&, const std::string&,
                             const AuditEntry&) override {
    return unsupported<void>();
  }
  Result<LoginFailures> record_login_failure(const std::string&, std::int64_t,
                                             std::int64_t) override {
    return unsupported<LoginFailures>();
  }
  Result<LoginFailures> login_failures(const std::string&, std::int64_t) override {
    return unsupported<LoginFailures>();
  }
  Status clear_login_failures(const std::string&) override { return unsupported<void>(); }
  Result<std::vector<QueueItem>> review_queue(PracticeStatus) override {
    return unsupported<std::vector<QueueItem>>();
  }
  Result<PracticeWorkflow> workflow(std::int64_t) override {
    return unsupported<PracticeWorkflow>();
  }
  Result<std::vector<ReviewComment>> comments(std::int64_t, bool) override {
    return unsupported<std::vector<ReviewComment>>();
  }
  Result<std::vector<Assessment>> assessments(std::int64_t) override {
    return unsupported<std::vector<Assessment>>();
  }
  Result<bool> assessment_disclosed(std::int64_t) override { return unsupported<bool>(); }
  // Nothing is ever verified here: the practice page reads a record of zeros.
  Result<Verification> verification(std::int64_t practice_id) override {
    return Verification{practice_id, 0, 0, 0, ""};
  }
  Result<std::vector<VerificationItem>> verifications() override {
    return unsupported<std::vector<VerificationItem>>();
  }
  Result<Verification> verification_by_token(const std::string&) override {
    return unsupported<Verification>();
  }
  Result<std::vector<PracticeRevision>> revisions(std::int64_t) override {
    return unsupported<std::vector<PracticeRevision>>();
  }
  Result<PracticeRevision> revision(std::int64_t, int) override {
    return unsupported<PracticeRevision>();
  }
  Result<PendingRevision> pending_revision(std::int64_t) override {
    return unsupported<PendingRevision>();
  }
  Status append_audit(const AuditEntry&) override { return unsupported<void>(); }
  Status save_draft(const SubmissionDraft&) override { return unsupported<void>(); }
  Result<SubmissionDraft> draft(const std::string&) override {
    return unsupported<SubmissionDraft>();
  }
  Result<Submission> submission(const std::string&) override { return unsupported<Submission>(); }
  Result<std::vector<AuditEntry>> audit_log(const std::string&, const std::string&, std::int64_t,
                                            int) override {
    return unsupported<std::vector<AuditEntry>>();
  }
  Result<std::int64_t> enqueue_mail(const OutgoingMail&) override {
    return unsupported<std::int64_t>();
  }
  Result<std::vector<OutgoingMail>> claim_mail(std::int64_t, std::int64_t, int) override {
    return unsupported<std::vector<OutgoingMail>>();
  }
  Status mail_sent(std::int64_t, std::int64_t) override { return unsupported<void>(); }
  Status mail_failed(std::int64_t, std::int64_t, const std::string&, const MailRetry&) override {
    return unsupported<void>();
  }
  Result<std::vector<OutgoingMail>> outbox(std::optional<MailState>, int) override {
    return unsupported<std::vector<OutgoingMail>>();
  }
  Result<std::vector<Link>> links() override { return unsupported<std::vector<Link>>(); }
  Result<Link> link(std::int64_t) override { return unsupported<Link>(); }
  Result<std::int64_t> save_link(const Link&) override { return unsupported<std::int64_t>(); }
  Status delete_link(std::int64_t) override { return unsupported<void>(); }
  Status record_link_check(const LinkCheck&) override { return unsupported<void>(); }
  Result<Adoption> adoption(std::int64_t) override { return unsupported<Adoption>(); }
  Result<std::vector<Adoption>> adoptions_of(std::int64_t) override {
    return unsupported<std::vector<Adoption>>();
  }
  Result<std::vector<Adoption>> adoptions_in(AdoptionStatus) override {
    return unsupported<std::vector<Adoption>>();
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> adoption_counts() override {
    return unsupported<std::vector<std::pair<std::int64_t, std::int64_t>>>();
  }
  Result<std::int64_t> save_adoption(const Adoption&) override {
    return unsupported<std::int64_t>();
  }
  Result<Dataset> dump() override { return unsupported<Dataset>(); }
  Status load(const Dataset& data) override {
    for (const auto& s : data.sections) save_section(s);
    for (const auto& u : data.units) save_unit(u);
    for (const auto& p : data.practices) save_practice(p);
    return {};
  }
  Result<bool> empty() override {
    std::lock_guard lock(mutex_);
    return practices_.empty();
  }
  Result<OperationalState> operational_state() override { return unsupported<OperationalState>(); }
  Status load_operational_state(const OperationalState&) override { return unsupported<void>(); }

 private:
  template <class T>
  static Result<T> unsupported() {
    return fail(ErrorKind::internal, "not supported by the in-memory test store");
  }
  // The practices filed in section `id` or its subsections, as the store's change log names them.
  std::vector<EntityRef> practices_under(std::int64_t id) const {
    std::vector<EntityRef> related;
    for (const auto& [practice_id, p] : practices_) {
      bool under = false;
      for (auto s : p.section_ids) {
        for (auto at = std::optional<std::int64_t>(s); at && !under;) {
          under = *at == id;
          auto found = sections_.find(*at);
          at = found == sections_.end() ? std::nullopt : found->second.parent_id;
        }
      }
      if (under) related.push_back({EntityKind::practice, practice_id});
    }
    return related;
  }
  void log(EntityKind kind, std::int64_t id, bool deleted) {
    changes_.push_back({static_cast<std::int64_t>(changes_.size()) + 1, kind, id, deleted, {}});
  }

  std::mutex mutex_;
  std::map<std::int64_t, Section> sections_;
  std::map<std::int64_t, Unit> units_;
  std::map<std::int64_t, Practice> practices_;
  std::vector<Change> changes_;
  MemoryDocuments documents_;
};

}  // namespace bdp::search::testing
