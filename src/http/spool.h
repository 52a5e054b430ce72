// Spooled request bodies: an upload larger than what a request may hold in memory is written to
// a file as it arrives (RequestReader, SpoolRule) and handed to the handler as that file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"

namespace bdp::http {

// Which requests are spooled: POSTs whose target starts with `path_prefix`, up to `body_bytes`
// (413 beyond), into files in `directory`, within `timeout_seconds` from their first byte.
// An empty prefix or directory spools nothing.
struct SpoolRule {
  std::string path_prefix;
  std::uint64_t body_bytes = 50ull << 20;
  std::filesystem::path directory;
  int timeout_seconds = 600;
};

// A file in the spool directory, removed when the last owner lets go. Not thread-safe to write;
// once written (closed), any thread may read the file at path().
class SpooledFile {
 public:
  // Creates an empty file with a random name in `directory`. Errors: unavailable.
  static Result<std::shared_ptr<SpooledFile>> create(const std::filesystem::path& directory);
  ~SpooledFile();
  SpooledFile(const SpooledFile&) = delete;
  SpooledFile& operator=(const SpooledFile&) = delete;

  // Appends bytes. Errors: unavailable (the disk is full or failing).
  Status append(const char* bytes, std::size_t size);
  // Flushes and closes the file for writing; append() fails afterwards.
  Status close();
  const std::filesystem::path& path() const { return path_; }
  std::uint64_t size() const { return size_; }

 private:
  SpooledFile(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::filesystem::path path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Removes every file a previous run left in `directory` and creates it when missing (start-up).
Status reset_spool(const std::filesystem::path& directory);

}  // namespace bdp::http
