// FileBody: bytes of a file on disk as a streamed response body, opened when made, so the
// bytes stay readable when the file is replaced or removed meanwhile (POSIX keeps an open file).
// One response's: not thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/result.h"
#include "http/message.h"

namespace bdp::http {

class FileBody final : public BodyStream {
 public:
  // `length` bytes of `path` from `offset`. Errors: unavailable (the file cannot be opened or
  // is shorter than offset + length).
  static Result<std::shared_ptr<FileBody>> open(const std::filesystem::path& path,
                                                std::uint64_t offset, std::uint64_t length);
  std::uint64_t size() const override { return length_; }
  Result<std::string> next(std::size_t max) override;

 private:
  FileBody(std::ifstream in, std::uint64_t length)
      : in_(std::move(in)), left_(length), length_(length) {}
  std::ifstream in_;
  std::uint64_t left_;
  std::uint64_t length_;
};

}  // namespace bdp::http
