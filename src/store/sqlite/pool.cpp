#include "store/sqlite/pool.h"

#include <algorithm>

namespace bdp::sqlite {

Pool::Lease::Lease(Pool* pool, Connection* connection, std::unique_lock<std::mutex> writer_lock)
    : pool_(pool), connection_(connection), writer_lock_(std::move(writer_lock)) {}

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_),
      connection_(other.connection_),
      writer_lock_(std::move(other.writer_lock_)) {
  other.connection_ = nullptr;
}

Pool::Lease::~Lease() {
  if (connection_ && !writer_lock_.owns_lock()) pool_->give_back(connection_);
}

Result<std::unique_ptr<Pool>> Pool::open(const std::string& path, int readers) {
  std::unique_ptr<Pool> pool(new Pool(path));
  auto writer = Connection::open(path);
  if (!writer) return std::unexpected(writer.error());
  pool->writer_ = std::move(*writer);
  pool->writable_ = !pool->writer_->read_only();
  bool in_memory = path == ":memory:" || path.empty();
  if (!in_memory) {
    auto mode = pool->writer_->exec("PRAGMA journal_mode = WAL");
    if (!mode) return std::unexpected(mode.error());
    if (mode->empty() || mode->text(0, 0) != "wal") {
      return fail(ErrorKind::unavailable, "cannot switch " + path + " to WAL mode");
    }
  }
  for (int i = 0; i < (in_memory ? 0 : readers); ++i) {
    auto reader = Connection::open(path);
    if (!reader) return std::unexpected(reader.error());
    pool->free_readers_.push_back(reader->get());
    pool->readers_.push_back(std::move(*reader));
  }
  return pool;
}

void Pool::reopen_if_writable(std::unique_ptr<Connection>& connection) {
  if (!connection->read_only()) return;
  auto fresh = Connection::open(path_, /*create=*/false);  // a file gone stays gone
  if (fresh && !(*fresh)->read_only()) connection = std::move(*fresh);
}

Pool::Lease Pool::write() {
  std::unique_lock<std::mutex> lock(writer_mutex_);
  reopen_if_writable(writer_);
  writable_ = !writer_->read_only();
  return Lease(this, writer_.get(), std::move(lock));
}

Pool::Lease Pool::read() {
  if (readers_.empty()) return write();
  std::unique_lock<std::mutex> lock(readers_mutex_);
  reader_freed_.wait(lock, [this] { return !free_readers_.empty(); });
  Connection* reader = free_readers_.back();
  free_readers_.pop_back();
  if (writable_ && reader->read_only()) {
    auto& owned = *std::ranges::find(readers_, reader, &std::unique_ptr<Connection>::get);
    reopen_if_writable(owned);
    reader = owned.get();
    // Read-only again since the writer last wrote: no more tries until it can write.
    if (reader->read_only()) writable_ = false;
  }
  return Lease(this, reader, {});
}

void Pool::give_back(Connection* reader) {
  {
    std::lock_guard<std::mutex> lock(readers_mutex_);
    free_readers_.push_back(reader);
  }
  reader_freed_.notify_one();
}

}  // namespace bdp::sqlite
