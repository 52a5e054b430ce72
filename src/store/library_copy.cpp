#include "store/library_copy.h"

#include <set>

#include "store/byte_sources.h"

namespace bdp {
namespace {

// The document `d` of `store` with the text and thumbnail of each version.
Result<DocumentCopy> read_copy(DocumentStore& store, Document d) {
  DocumentCopy copy;
  for (const auto& v : d.versions) {
    auto pages = store.text(v.id);
    if (!pages) return std::unexpected(pages.error());
    auto thumbnail = store.thumbnail(v.id);
    if (!thumbnail && thumbnail.error().kind != ErrorKind::not_found) {
      return std::unexpected(thumbnail.error());
    }
    copy.pages.push_back(std::move(*pages));
    copy.thumbnails_png.push_back(thumbnail ? std::move(*thumbnail) : std::string());
  }
  copy.document = std::move(d);
  return copy;
}

}  // namespace

Result<LibraryCopied> copy_library(DocumentStore& from, DocumentStore& to) {
  auto documents = from.documents();
  if (!documents) return std::unexpected(documents.error());
  LibraryCopied copied;
  std::set<std::string> files;
  for (auto& d : *documents) {
    for (const auto& v : d.versions) {
      if (!files.insert(v.sha256).second) continue;
      StoredFileSource source(from, v.sha256, 0, v.size);
      if (auto put = to.put_file(v.sha256, source); !put) return std::unexpected(put.error());
      copied.bytes += v.size;
    }
    copied.versions += d.versions.size();
    auto copy = read_copy(from, std::move(d));
    if (!copy) return std::unexpected(copy.error());
    if (auto put = to.put_document(*copy); !put) return std::unexpected(put.error());
    ++copied.documents;
  }
  copied.files = files.size();
  return copied;
}

Result<std::string> library_difference(DocumentStore& from, DocumentStore& to) {
  auto expected = from.documents();
  if (!expected) return std::unexpected(expected.error());
  auto actual = to.documents();
  if (!actual) return std::unexpected(actual.error());
  if (expected->size() != actual->size()) {
    return std::to_string(actual->size()) + " documents instead of " +
           std::to_string(expected->size());
  }
  for (std::size_t i = 0; i < expected->size(); ++i) {
    const std::string which = "document " + std::to_string((*expected)[i].id);
    auto want = read_copy(from, std::move((*expected)[i]));
    if (!want) return std::unexpected(want.error());
    auto have = read_copy(to, std::move((*actual)[i]));
    if (!have) return std::unexpected(have.error());
    if (want->document != have->document) return which + " differs (metadata or versions)";
    if (want->pages != have->pages) return which + " differs in the text of a version";
    if (want->thumbnails_png != have->thumbnails_png) {
      return which + " differs in the thumbnail of a version";
    }
  }
  auto damaged = to.verify_files();
  if (!damaged) return std::unexpected(damaged.error());
  if (!damaged->empty()) return "the file " + damaged->front() + " does not hash to its name";
  return std::string();
}

}  // namespace bdp
