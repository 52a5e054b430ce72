#include <utility>

#include "store/sql/document_tables.h"
#include "store/sql/transact.h"

namespace bdp::sql {
namespace {

class SqlDocumentStore final : public DocumentStore {
 public:
  explicit SqlDocumentStore(Engine& engine) : engine_(engine) {}

  Result<std::int64_t> save_document(const Document& document, const AuditEntry& audit) override {
    return logged([&](Connection& c) { return write_document(c, document, audit); });
  }
  Result<Document> document(std::int64_t id) override {
    return read([&](Connection& c) { return read_document(c, id); });
  }
  Result<std::vector<Document>> documents() override {
    return read([&](Connection& c) { return read_documents(c); });
  }
  Result<std::vector<Document>> documents_of_practice(std::int64_t practice_id) override {
    return read([&](Connection& c) { return read_documents_of_practice(c, practice_id); });
  }

  // The bytes in a plain write of their own (a long upload does not hold up the writers of the
  // change log), then the version; a file left without a version is found again by its sha256.
  Result<DocumentVersion> add_version(const NewVersion& version, ByteSource& source,
                                      const AuditEntry& audit) override {
    auto known = document(version.document_id);
    if (!known) return std::unexpected(known.error());
    auto file = in_transaction(engine_, Access::plain_write,
                               [&](Connection& c) { return write_file(c, source); });
    if (!file) return std::unexpected(file.error());
    return logged([&](Connection& c) { return write_version(c, version, file->sha256, audit); });
  }
  Status withdraw_version(std::int64_t version_id, std::int64_t at, const std::string& by,
                          const std::string& reason, const AuditEntry& audit) override {
    return logged(
        [&](Connection& c) { return write_withdrawal(c, version_id, at, by, reason, audit); });
  }
  Result<DocumentVersion> version(std::int64_t version_id) override {
    return read([&](Connection& c) { return read_version(c, version_id); });
  }
  Result<std::string> file_bytes(const std::string& sha256, std::int64_t offset,
                                 std::int64_t length) override {
    return read([&](Connection& c) { return read_file_bytes(c, sha256, offset, length); });
  }
  Status put_file(const std::string& sha256, ByteSource& source) override {
    return in_transaction(engine_, Access::plain_write,
                          [&](Connection& c) { return sql::put_file(c, sha256, source); });
  }
  Status put_document(const DocumentCopy& copy) override {
    return logged([&](Connection& c) { return write_document_copy(c, copy); });
  }
  Result<std::vector<std::string>> verify_files() override {
    return read([&](Connection& c) { return read_damaged_files(c); });
  }
  Status set_text(std::int64_t version_id, const std::string& status,
                  const std::vector<PageText>& pages, const std::string& thumbnail_png) override {
    return logged(
        [&](Connection& c) { return write_text(c, version_id, status, pages, thumbnail_png); });
  }
  Result<std::vector<PageText>> text(std::int64_t version_id) override {
    return read([&](Connection& c) { return read_text(c, version_id); });
  }
  Result<std::string> thumbnail(std::int64_t version_id) override {
    return read([&](Connection& c) { return read_thumbnail(c, version_id); });
  }
  Result<std::vector<DocumentVersion>> pending_text(int limit) override {
    if (limit < 1) return fail(ErrorKind::invalid_input, "the limit must be positive");
    return read([&](Connection& c) { return read_pending_text(c, limit); });
  }

 private:
  template <class Body>
  auto read(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return in_transaction(engine_, Access::read, body);
  }
  template <class Body>
  auto logged(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return in_transaction(engine_, Access::logged_write, body);
  }

  Engine& engine_;
};

}  // namespace

std::unique_ptr<DocumentStore> make_sql_document_store(Engine& engine) {
  return std::make_unique<SqlDocumentStore>(engine);
}

}  // namespace bdp::sql
