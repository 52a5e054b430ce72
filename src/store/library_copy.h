// Copying the document library from one store to another (migrate-db, across engines): every
// file once, streamed chunk by chunk and checked against its sha256, then every document as it
// is (ids, versions, withdrawals, text, thumbnails); and proving that the copy is whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/document_store.h"

namespace bdp {

struct LibraryCopied {
  std::size_t documents = 0;
  std::size_t versions = 0;
  std::size_t files = 0;  // distinct files (a file shared by versions counts once)
  std::int64_t bytes = 0;
};

// Copies everything of `from` into `to`, which must hold none of its documents. Errors: those
// of either store (conflict: `to` holds a document of the same id); what was copied before the
// error stays.
Result<LibraryCopied> copy_library(DocumentStore& from, DocumentStore& to);

// "" when `to` holds exactly the documents, versions, texts and thumbnails of `from` and every
// file of `to` hashes to its sha256; otherwise the first difference, in one line.
Result<std::string> library_difference(DocumentStore& from, DocumentStore& to);

}  // namespace bdp
