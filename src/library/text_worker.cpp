#include "library/text_worker.h"

#include <spdlog/spdlog.h>

#include <fstream>

#include "extract/sniff.h"
#include "extract/text.h"
#include "store/byte_sources.h"

namespace bdp::library {
namespace {

// Copies the version's bytes to `path`, a chunk at a time.
Status copy_out(DocumentStore& documents, const DocumentVersion& v,
                const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail(ErrorKind::unavailable, "cannot write " + path.string());
  StoredFileSource source(documents, v.sha256, 0, v.size);
  std::string chunk(kFileChunkBytes, '\0');
  for (;;) {
    auto got = source.read(chunk.data(), chunk.size());
    if (!got) return std::unexpected(got.error());
    if (*got == 0) break;
    out.write(chunk.data(), static_cast<std::streamsize>(*got));
  }
  out.close();
  if (!out) return fail(ErrorKind::unavailable, "cannot write " + path.string());
  return {};
}

}  // namespace

Result<int> extract_pending(DocumentStore& documents, const extract::Sandbox& sandbox,
                            const std::filesystem::path& scratch, int limit) {
  auto pending = documents.pending_text(limit);
  if (!pending) return std::unexpected(pending.error());
  std::error_code ec;
  std::filesystem::create_directories(scratch, ec);
  int recorded = 0;
  for (const auto& v : *pending) {
    const auto path = scratch / ("text-" + std::to_string(v.id));
    extract::Extraction found;
    if (const auto kind = extract::file_kind_from_extension(v.format); !kind) {
      found.status = extract::TextStatus::failed;
    } else if (auto copied = copy_out(documents, v, path); !copied) {
      std::filesystem::remove(path, ec);
      // A damaged file is recorded as failed; the store or the disk being down is retried.
      if (copied.error().kind != ErrorKind::internal) return std::unexpected(copied.error());
      spdlog::error("document version {}: {}", v.id, copied.error().message);
      found.status = extract::TextStatus::failed;
    } else {
      found = extract::extract_isolated(path, *kind, sandbox);
    }
    std::filesystem::remove(path, ec);
    const char* status = extract::to_string(found.status);
    if (auto set = documents.set_text(v.id, status, found.pages, found.thumbnail_png); !set) {
      return std::unexpected(set.error());
    }
    spdlog::info("document version {} ({}): text {}, {} pages", v.id, v.format, status,
                 found.pages.size());
    ++recorded;
  }
  return recorded;
}

TextWorker::TextWorker(DocumentStore& documents, extract::Sandbox sandbox,
                       std::filesystem::path scratch, std::chrono::milliseconds poll)
    : documents_(documents),
      sandbox_(std::move(sandbox)),
      scratch_(std::move(scratch)),
      poll_(poll),
      thread_([this] { run(); }) {}

TextWorker::~TextWorker() {
  stopping_ = true;
  { std::lock_guard lock(mutex_); }
  wake_.notify_all();
  thread_.join();
}

void TextWorker::run() {
  while (!stopping_) {
    auto done = extract_pending(documents_, sandbox_, scratch_, 1);
    if (!done) spdlog::warn("document text: {}", done.error().message);
    if (done && *done > 0) continue;  // more may be waiting
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, poll_, [this] { return stopping_.load(); });
  }
}

}  // namespace bdp::library
