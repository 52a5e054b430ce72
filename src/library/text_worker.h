// Reading the text of uploaded files: each version whose text was never extracted is copied
// from the store to a scratch file and read by the isolated extractor (extract/isolated.h: a
// child process under CPU, memory and time limits), and what it found — or why not — recorded
// with set_text, which the search index follows. A file that hangs or crashes the extractor
// costs that child only; the version stays listed with its status.
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "core/result.h"
#include "extract/isolated.h"
#include "store/document_store.h"

namespace bdp::library {

// Extracts the pending versions, at most `limit`, one after another; returns how many were
// recorded. Errors: the store's or the scratch directory's (what was recorded stays).
Result<int> extract_pending(DocumentStore& documents, const extract::Sandbox& sandbox,
                            const std::filesystem::path& scratch, int limit = 10);

// extract_pending every `poll` on a thread of its own from construction until destruction
// (which waits for the file being read, at most the sandbox's wall time). Errors are logged.
class TextWorker {
 public:
  TextWorker(DocumentStore& documents, extract::Sandbox sandbox, std::filesystem::path scratch,
             std::chrono::milliseconds poll);
  ~TextWorker();
  TextWorker(const TextWorker&) = delete;
  TextWorker& operator=(const TextWorker&) = delete;

 private:
  void run();
  DocumentStore& documents_;
  extract::Sandbox sandbox_;
  std::filesystem::path scratch_;
  std::chrono::milliseconds poll_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;  // last: started when everything it uses is ready
};

}  // namespace bdp::library
