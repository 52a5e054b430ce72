// Files in chunks of kFileChunkBytes. A file is keyed by an id while its bytes stream in and
// gets its sha256 once the last byte is hashed, so the bytes are written once; when a file with
// that sha256 exists already, the copy just written is dropped in the same transaction.
#include <sodium.h>

#include <algorithm>
#include <array>
#include <string>

#include "store/sql/document_tables.h"
#include "store/sql/hex.h"

namespace bdp::sql {
namespace {

std::string pending_key() {
  std::array<unsigned char, 16> random{};
  randombytes_buf(random.data(), random.size());
  return "pending:" + hex(random.data(), random.size());
}

Status drop_file(Connection& c, std::int64_t file_id) {
  if (auto chunks = c.run("DELETE FROM file_chunks WHERE file_id = $1", {value(file_id)});
      !chunks) {
    return chunks;
  }
  return c.run("DELETE FROM files WHERE id = $1", {value(file_id)});
}

// Streams `source` into chunks of `file_id`; returns the sha256 and size.
Result<StoredFile> stream_chunks(Connection& c, std::int64_t file_id, ByteSource& source) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  Blob chunk;
  StoredFile file;
  for (std::int64_t seq = 0;; ++seq) {
    chunk.bytes.resize(kFileChunkBytes);
    std::size_t filled = 0;
    while (filled < kFileChunkBytes) {
      auto got = source.read(chunk.bytes.data() + filled, kFileChunkBytes - filled);
      if (!got) return std::unexpected(got.error());
      if (*got == 0) break;
      filled += *got;
    }
    if (filled == 0) break;
    chunk.bytes.resize(filled);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(chunk.bytes.data()),
                              filled);
    file.size += static_cast<std::int64_t>(filled);
    if (auto put = c.run("INSERT INTO file_chunks (file_id, seq, data) VALUES ($1, $2, $3)",
                         {value(file_id), value(seq), value(chunk)});
        !put) {
      return std::unexpected(put.error());
    }
    if (filled < kFileChunkBytes) break;
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  file.sha256 = hex(digest.data(), digest.size());
  return file;
}

}  // namespace

Result<StoredFile> write_file(Connection& c, ByteSource& source) {
  auto file_id = c.single_integer(
      "INSERT INTO files (sha256, size, chunk_size) VALUES ($1, 0, $2) RETURNING id",
      {value(pending_key()), value(kFileChunkBytes)});
  if (!file_id) return std::unexpected(file_id.error());
  auto file = stream_chunks(c, *file_id, source);
  if (!file) return file;
  if (file->size == 0) return fail(ErrorKind::invalid_input, "the file is empty");
  auto existing = c.exec("SELECT id FROM files WHERE sha256 = $1", {value(file->sha256)});
  if (!existing) return std::unexpected(existing.error());
  if (!existing->empty()) {
    if (auto dropped = drop_file(c, *file_id); !dropped) return std::unexpected(dropped.error());
    return file;
  }
  if (auto named = c.run("UPDATE files SET sha256 = $1, size = $2 WHERE id = $3",
                         {value(file->sha256), value(file->size), value(*file_id)});
      !named) {
    return std::unexpected(named.error());
  }
  return file;
}

Status put_file(Connection& c, const std::string& sha256, ByteSource& source) {
  auto stored = c.single_integer("SELECT COUNT(*) FROM files WHERE sha256 = $1", {value(sha256)});
  if (!stored) return std::unexpected(stored.error());
  if (*stored != 0) return {};
  auto file = write_file(c, source);
  if (!file) return std::unexpected(file.error());
  if (file->sha256 != sha256) {
    return fail(ErrorKind::invalid_input,
                "the bytes given for file " + sha256 + " hash to " + file->sha256);
  }
  return {};
}

Result<std::string> read_file_bytes(Connection& c, const std::string& sha256, std::int64_t offset,
                                    std::int64_t length) {
  auto file = c.exec("SELECT id, size, chunk_size FROM files WHERE sha256 = $1", {value(sha256)});
  if (!file) return std::unexpected(file.error());
  if (file->empty() || sha256.starts_with("pending:")) {
    return fail(ErrorKind::not_found, "no file " + sha256);
  }
  const std::int64_t size = file->integer(0, 1);
  const std::int64_t chunk_size = file->integer(0, 2);
  if (offset < 0 || length < 0 || offset > size || length > size - offset || chunk_size <= 0) {
    return fail(ErrorKind::invalid_input, "range outside file " + sha256);
  }
  std::string bytes;
  if (length == 0) return bytes;
  bytes.reserve(static_cast<std::size_t>(length));
  const std::int64_t first = offset / chunk_size;
  const std::int64_t last = (offset + length - 1) / chunk_size;
  auto rows = c.exec(
      "SELECT seq, data FROM file_chunks WHERE file_id = $1 AND seq >= $2 AND seq <= $3 "
      "ORDER BY seq",
      {value(file->integer(0, 0)), value(first), value(last)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->size() != last - first + 1) {
    return fail(ErrorKind::internal, "file " + sha256 + " misses chunks");
  }
  for (int r = 0; r < rows->size(); ++r) {
    const std::string data = rows->take_text(r, 1);
    const std::int64_t start = (first + r) * chunk_size;
    const std::int64_t from = std::max<std::int64_t>(offset - start, 0);
    const std::int64_t to =
        std::min<std::int64_t>(offset + length - start, static_cast<std::int64_t>(data.size()));
    if (from > to) return fail(ErrorKind::internal, "file " + sha256 + " has a short chunk");
    bytes.append(data, static_cast<std::size_t>(from), static_cast<std::size_t>(to - from));
  }
  if (static_cast<std::int64_t>(bytes.size()) != length) {
    return fail(ErrorKind::internal, "file " + sha256 + " is shorter than recorded");
  }
  return bytes;
}

Result<std::vector<std::string>> read_damaged_files(Connection& c) {
  auto files = c.exec(
      "SELECT id, sha256, size FROM files WHERE sha256 NOT LIKE 'pending:%' "
      "ORDER BY id");
  if (!files) return std::unexpected(files.error());
  constexpr std::int64_t kBatch = 16;  // chunks read at once: a few MiB in memory
  std::vector<std::string> damaged;
  for (int f = 0; f < files->size(); ++f) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::int64_t size = 0;
    for (std::int64_t seq = 0;; seq += kBatch) {
      auto rows = c.exec(
          "SELECT data FROM file_chunks WHERE file_id = $1 AND seq >= $2 AND seq < $3 "
          "ORDER BY seq",
          {value(files->integer(f, 0)), value(seq), value(seq + kBatch)});
      if (!rows) return std::unexpected(rows.error());
      for (int r = 0; r < rows->size(); ++r) {
        const std::string data = rows->take_text(r, 0);
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                  data.size());
        size += static_cast<std::int64_t>(data.size());
      }
      if (rows->size() < kBatch) break;
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    if (hex(digest.data(), digest.size()) != files->text(f, 1) || size != files->integer(f, 2)) {
      damaged.push_back(files->text(f, 1));
    }
  }
  return damaged;
}

}  // namespace bdp::sql
