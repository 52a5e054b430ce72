#include "web/document_upload.h"

#include "extract/sniff.h"
#include "store/byte_sources.h"

namespace bdp::web {

Result<CheckedUpload> check_upload(const http::UploadedFile& file) {
  auto name = extract::clean_file_name(file.file_name);
  if (!name) return std::unexpected(name.error());
  auto kind = extract::sniff_file(file.file->path(), extract::UploadLimits{});
  if (!kind) return std::unexpected(kind.error());
  return CheckedUpload{std::move(*name), extract::extension(*kind)};
}

Result<DocumentVersion> add_uploaded_version(DocumentStore& documents, std::int64_t document_id,
                                             const http::UploadedFile& file,
                                             const CheckedUpload& checked,
                                             const std::string& uploaded_by, std::int64_t now,
                                             AuditEntry audit) {
  FileByteSource source(file.file->path());
  if (!source.is_open()) return fail(ErrorKind::unavailable, "cannot open an uploaded file");
  audit.detail = checked.file_name + " (" + checked.format + ")";
  return documents.add_version({document_id, checked.file_name, checked.format, now, uploaded_by},
                               source, audit);
}

}  // namespace bdp::web
