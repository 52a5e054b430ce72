#include "store/byte_sources.h"

#include <algorithm>

namespace bdp {

FileByteSource::FileByteSource(const std::filesystem::path& path) : in_(path, std::ios::binary) {}

Result<std::size_t> FileByteSource::read(char* into, std::size_t capacity) {
  in_.read(into, static_cast<std::streamsize>(capacity));
  if (in_.bad()) return fail(ErrorKind::unavailable, "cannot read a file being stored");
  return static_cast<std::size_t>(in_.gcount());
}

StoredFileSource::StoredFileSource(DocumentStore& from, std::string sha256, std::int64_t offset,
                                   std::int64_t length)
    : from_(from), sha256_(std::move(sha256)), offset_(offset), end_(offset + length) {}

Result<std::size_t> StoredFileSource::read(char* into, std::size_t capacity) {
  constexpr auto kChunk = static_cast<std::int64_t>(kFileChunkBytes);
  const std::int64_t length =
      std::min({static_cast<std::int64_t>(capacity), end_ - offset_, kChunk - offset_ % kChunk});
  if (length <= 0) return 0;
  auto bytes = from_.file_bytes(sha256_, offset_, length);
  if (!bytes) return std::unexpected(bytes.error());
  std::copy(bytes->begin(), bytes->end(), into);
  offset_ += static_cast<std::int64_t>(bytes->size());
  return bytes->size();
}

}  // namespace bdp
