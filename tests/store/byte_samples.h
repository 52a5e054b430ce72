// Files for the document library's tests: bytes handed to the store as a ByteSource.
#pragma once

#include <algorithm>
#include <string>

#include "store/document_store.h"

namespace bdp::testing {

// Bytes handed out in uneven pieces, as a socket or a file would.
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes, std::size_t piece = 100'003)
      : bytes_(std::move(bytes)), piece_(piece) {}
  Result<std::size_t> read(char* into, std::size_t capacity) override {
    const std::size_t n = std::min({capacity, piece_, bytes_.size() - at_});
    std::copy_n(bytes_.data() + at_, n, into);
    at_ += n;
    return n;
  }

 private:
  std::string bytes_;
  std::size_t piece_;
  std::size_t at_ = 0;
};

class FailingSource final : public ByteSource {
 public:
  Result<std::size_t> read(char*, std::size_t) override {
    return fail(ErrorKind::unavailable, "the upload broke off");
  }
};

// `size` bytes that differ with `seed` (not text: every byte value occurs).
inline std::string file_of(std::size_t size, char seed) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(seed + i * 31 + i / 7);
  return bytes;
}

}  // namespace bdp::testing
