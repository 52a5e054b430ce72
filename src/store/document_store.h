// DocumentStore: the document library's part of the Store (model/document.h): documents, their
// versions, the files' bytes (kept in the database in chunks, once per sha256, so every node
// serves every file and a backup or migrate-db carries them), and the text found inside them.
// Same rules as Store: expected failures are values; thread-safe; every change of a document
// appends a change-log entry (EntityKind::document, related: its practices before and after)
// and the audit entry given (its entity set to "document:<id>"), in the same transaction.
// Nothing is deleted: a version is withdrawn. Documents are stamped with the audit entry's time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/document.h"
#include "model/workflow.h"

namespace bdp {

// The bytes of a file being stored, read front to back once.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `capacity` next bytes into `into`; 0 at the end. Errors: unavailable (a read failed).
  virtual Result<std::size_t> read(char* into, std::size_t capacity) = 0;
};

// A version to add: who uploaded which file (its name cleaned, its format decided by content).
struct NewVersion {
  std::int64_t document_id = 0;
  std::string file_name;
  std::string format;
  std::int64_t uploaded_at = 0;
  std::string uploaded_by;
};

// A document as one store holds it, for another to hold the same (migrate-db): the document
// with its versions (ids, numbers, withdrawals, text statuses) and each version's text and
// thumbnail ("" for none), in the order of `document.versions`.
struct DocumentCopy {
  Document document;
  std::vector<std::vector<PageText>> pages;
  std::vector<std::string> thumbnails_png;
};

// Chunk size of stored files: a range read touches at most its length / kFileChunkBytes + 2 rows.
inline constexpr std::size_t kFileChunkBytes = std::size_t{256} * 1024;

class DocumentStore {
 public:
  virtual ~DocumentStore() = default;

  // Inserts (id 0) or updates a document's metadata, tags, units and practices (its versions
  // are not touched: add_version, withdraw_version). Returns the id. Errors: invalid_input
  // (empty title, a year outside 1900..2100, a unit or practice that does not exist, a tag
  // empty or over 60 bytes), not_found (an id that does not exist).
  virtual Result<std::int64_t> save_document(const Document& document, const AuditEntry& audit) = 0;
  // With its versions (withdrawn ones included). not_found when none.
  virtual Result<Document> document(std::int64_t id) = 0;
  // Every document with its versions, newest first (by created_at, then id).
  virtual Result<std::vector<Document>> documents() = 0;
  // The documents belonging to `practice_id`, as documents().
  virtual Result<std::vector<Document>> documents_of_practice(std::int64_t practice_id) = 0;

  // Stores the bytes of `source` (unless a file with the same sha256 is stored already) and adds
  // a version numbered after the document's last. sha256 and size are computed while storing.
  // Errors: not_found (no document), invalid_input (an empty file, an empty name or format),
  // unavailable (the source or the database failed: nothing is added).
  virtual Result<DocumentVersion> add_version(const NewVersion& version, ByteSource& source,
                                              const AuditEntry& audit) = 0;
  // Hides a version from the public (it stays listed for editors). Errors: not_found,
  // conflict (withdrawn already).
  virtual Status withdraw_version(std::int64_t version_id, std::int64_t at, const std::string& by,
                                  const std::string& reason, const AuditEntry& audit) = 0;
  virtual Result<DocumentVersion> version(std::int64_t version_id) = 0;

  // `length` bytes of the file `sha256` from `offset`. Errors: not_found (no such file),
  // invalid_input (the range is not inside the file), internal (a chunk is missing).
  virtual Result<std::string> file_bytes(const std::string& sha256, std::int64_t offset,
                                         std::int64_t length) = 0;
  // Stores the bytes of `source` as the file `sha256` unless it is stored already. Errors:
  // invalid_input (the bytes are empty or do not hash to `sha256`: nothing is kept),
  // unavailable.
  virtual Status put_file(const std::string& sha256, ByteSource& source) = 0;
  // Writes `copy` as it is, ids and times kept (the files of its versions put first). One
  // change-log entry, no audit entry (the copy's history is the source's). Errors: conflict (a
  // document or version with one of its ids exists), invalid_input (as save_document; a file
  // not stored; pages or thumbnails not one per version).
  virtual Status put_document(const DocumentCopy& copy) = 0;
  // Reads every stored file and compares its bytes with its sha256 and size; returns the
  // sha256 of each file that does not match (empty: all are whole).
  virtual Result<std::vector<std::string>> verify_files() = 0;

  // Records what extraction found in a version (`status`: extract/text.h's words) and its
  // first page's thumbnail ("" for none), replacing what was recorded. not_found when none.
  virtual Status set_text(std::int64_t version_id, const std::string& status,
                          const std::vector<PageText>& pages, const std::string& thumbnail_png) = 0;
  // The version's text, by page. Empty when none was found (yet).
  virtual Result<std::vector<PageText>> text(std::int64_t version_id) = 0;
  // The PNG thumbnail; not_found when there is none.
  virtual Result<std::string> thumbnail(std::int64_t version_id) = 0;
  // Up to `limit` versions whose text was never extracted, oldest first.
  virtual Result<std::vector<DocumentVersion>> pending_text(int limit) = 0;
};

}  // namespace bdp
