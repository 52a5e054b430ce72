#include "web/document_upload.h"

#include <fstream>

#include "extract/sniff.h"

namespace bdp::web {
namespace {

class FileSource final : public ByteSource {
 public:
  explicit FileSource(const std::filesystem::path& path) : in_(path, std::ios::binary) {}
  bool open() const { return in_.is_open(); }
  Result<std::size_t> read(char* into, std::size_t capacity) override {
    in_.read(into, static_cast<std::streamsize>(capacity));
    if (in_.bad()) return fail(ErrorKind::unavailable, "cannot read an uploaded file");
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::ifstream in_;
};

}  // namespace

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
  FileSource source(file.file->path());
  if (!source.open()) return fail(ErrorKind::unavailable, "cannot open an uploaded file");
  audit.detail = checked.file_name + " (" + checked.format + ")";
  return documents.add_version({document_id, checked.file_name, checked.format, now, uploaded_by},
                               source, audit);
}

}  // namespace bdp::web
