// The ByteSources files are stored from: a file on disk (uploads, legacy attachments) and a file
// of another DocumentStore (migrate-db), both read front to back in bounded pieces.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/document_store.h"

namespace bdp {

class FileByteSource final : public ByteSource {
 public:
  explicit FileByteSource(const std::filesystem::path& path);
  bool is_open() const { return in_.is_open(); }
  // Errors: unavailable (a read failed).
  Result<std::size_t> read(char* into, std::size_t capacity) override;

 private:
  std::ifstream in_;
};

// `length` bytes of the file `sha256` of `from` from `offset`, a stored chunk at most per read
// (reads end on chunk boundaries, so each touches one chunk).
class StoredFileSource final : public ByteSource {
 public:
  StoredFileSource(DocumentStore& from, std::string sha256, std::int64_t offset,
                   std::int64_t length);
  // Errors: those of DocumentStore::file_bytes.
  Result<std::size_t> read(char* into, std::size_t capacity) override;

 private:
  DocumentStore& from_;
  std::string sha256_;
  std::int64_t offset_;
  std::int64_t end_;
};

}  // namespace bdp
