#include "web/file_download.h"

#include <algorithm>
#include <memory>

#include "extract/sniff.h"
#include "http/byte_range.h"
#include "http/content_disposition.h"
#include "store/byte_sources.h"

namespace bdp::web {
namespace {

// The file may be shown in a browser tab of its own: it may load nothing and run nothing, and
// is isolated from the site's origin (sandbox without allow-same-origin).
constexpr const char* kFilePolicy =
    "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

// The bytes asked for, read from the store a chunk at a time while they are sent.
class StoredFileBody final : public http::BodyStream {
 public:
  StoredFileBody(DocumentStore& documents, const std::string& sha256, std::int64_t offset,
                 std::int64_t length)
      : source_(documents, sha256, offset, length), length_(static_cast<std::uint64_t>(length)) {}
  std::uint64_t size() const override { return length_; }
  Result<std::string> next(std::size_t max) override {
    std::string piece(std::min(max, kFileChunkBytes), '\0');
    auto got = source_.read(piece.data(), piece.size());
    if (!got) return std::unexpected(got.error());
    piece.resize(*got);
    return piece;
  }

 private:
  StoredFileSource source_;
  std::uint64_t length_;
};

}  // namespace

std::string media_type(const std::string& format) {
  const auto kind = extract::file_kind_from_extension(format);
  return kind ? extract::mime_type(*kind) : "application/octet-stream";
}
bool shown_inline(const std::string& format) {
  const auto kind = extract::file_kind_from_extension(format);
  return kind && extract::shown_inline(*kind);
}

Result<http::Response> file_response(const http::Request& request, DocumentStore& documents,
                                     const DocumentVersion& version) {
  const auto size = static_cast<std::uint64_t>(version.size);
  auto [r, answer] = http::ranged_response(request, size, "\"" + version.sha256 + "\"");
  r.set_header("content-security-policy", kFilePolicy);
  r.set_header("x-content-type-options", "nosniff");
  r.set_header("cache-control", "public, max-age=300");
  if (answer.status == 416) return r;
  // The file is there and the range inside it, before a status is sent (a chunk missing later
  // can only cut the body short).
  if (auto there =
          documents.file_bytes(version.sha256, static_cast<std::int64_t>(answer.range.first), 0);
      !there) {
    return std::unexpected(there.error());
  }
  r.stream = std::make_shared<StoredFileBody>(documents, version.sha256,
                                              static_cast<std::int64_t>(answer.range.first),
                                              static_cast<std::int64_t>(answer.range.length));
  r.set_header("content-type", media_type(version.format));
  r.set_header("content-disposition",
               http::content_disposition(shown_inline(version.format), version.file_name));
  return r;
}

}  // namespace bdp::web
