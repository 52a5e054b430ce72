// The document library's rows (store/document_store.h), written once for both engines over a
// sql::Connection, as tables.h is for the rest. Callers hold the transaction: document and
// version writers a logged_write one (they append to the change log), file writers a
// plain_write one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/document_store.h"
#include "store/sql/connection.h"
#include "store/sql/engine.h"

namespace bdp::sql {

// --- documents (document_rows.cpp)
Result<std::int64_t> write_document(Connection& c, const Document& document,
                                    const AuditEntry& audit);
Result<Document> read_document(Connection& c, std::int64_t id);
Result<std::vector<Document>> read_documents(Connection& c);
Result<std::vector<Document>> read_documents_of_practice(Connection& c, std::int64_t practice_id);
// Inserts a document as another store holds it (DocumentStore::put_document).
Status write_document_copy(Connection& c, const DocumentCopy& copy);
// Appends the change-log entry of a change to document `id` (related: its practices).
Status append_document_change(Connection& c, std::int64_t id);

// --- versions and their text (version_rows.cpp)
Result<DocumentVersion> write_version(Connection& c, const NewVersion& version,
                                      const std::string& sha256, const AuditEntry& audit);
Status write_withdrawal(Connection& c, std::int64_t version_id, std::int64_t at,
                        const std::string& by, const std::string& reason, const AuditEntry& audit);
Result<DocumentVersion> read_version(Connection& c, std::int64_t version_id);
Result<std::vector<DocumentVersion>> read_versions_of(Connection& c,
                                                      const std::vector<std::int64_t>& ids);
Status write_text(Connection& c, std::int64_t version_id, const std::string& status,
                  const std::vector<PageText>& pages, const std::string& thumbnail_png);
// Inserts version `v` as it is, with its text and thumbnail ("" for none); its file must be
// stored (invalid_input otherwise).
Status write_version_copy(Connection& c, const DocumentVersion& v,
                          const std::vector<PageText>& pages, const std::string& thumbnail_png);
Result<std::vector<PageText>> read_text(Connection& c, std::int64_t version_id);
Result<std::string> read_thumbnail(Connection& c, std::int64_t version_id);
Result<std::vector<DocumentVersion>> read_pending_text(Connection& c, int limit);

// --- files (file_rows.cpp)
struct StoredFile {
  std::string sha256;
  std::int64_t size = 0;
};
// Stores the bytes of `source` in chunks unless a file with their sha256 exists. The whole file
// goes through one hash before anything is kept, so the chunks are written under a temporary
// key and renamed.
Result<StoredFile> write_file(Connection& c, ByteSource& source);
// Stores the bytes of `source` as the file `sha256` unless it is stored; invalid_input when
// they do not hash to it (the caller's transaction must then roll back).
Status put_file(Connection& c, const std::string& sha256, ByteSource& source);
Result<std::string> read_file_bytes(Connection& c, const std::string& sha256, std::int64_t offset,
                                    std::int64_t length);
// The sha256 of each stored file whose chunks do not hash to it.
Result<std::vector<std::string>> read_damaged_files(Connection& c);

std::unique_ptr<DocumentStore> make_sql_document_store(Engine& engine);

}  // namespace bdp::sql
