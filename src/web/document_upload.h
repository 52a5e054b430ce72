// Taking an uploaded file into the library: its name cleaned, its kind decided by its content
// (extract/sniff.h), its bytes streamed from the spool file into the store as a new version.
// Thread-safe (the store is); reads the file, never holds it whole in memory.
#pragma once

#include <cstdint>
#include <string>

#include "http/multipart.h"
#include "store/document_store.h"

namespace bdp::web {

// An upload found acceptable: the name to keep and the format its content shows.
struct CheckedUpload {
  std::string file_name;
  std::string format;  // extract::extension of its kind
};
// Errors: invalid_input with a message in Polish for the uploader (a refused kind or name, an
// empty file).
Result<CheckedUpload> check_upload(const http::UploadedFile& file);

// Adds the checked `file` as the next version of document `document_id` (audit's detail names
// the file). Errors: the store's.
Result<DocumentVersion> add_uploaded_version(DocumentStore& documents, std::int64_t document_id,
                                             const http::UploadedFile& file,
                                             const CheckedUpload& checked,
                                             const std::string& uploaded_by, std::int64_t now,
                                             AuditEntry audit);

}  // namespace bdp::web
