// Connections of one SQLite database: one writer (behind a mutex: SQLite allows one writer at a
// time anyway) and a few readers (WAL lets them read while the writer writes). A connection
// opened while the file could only be read is opened again once it can be written, so a file
// made writable again needs no restart. Internal. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sqlite/connection.h"

namespace bdp::sqlite {

class Pool {
 public:
  // A connection held for the lifetime of the lease, returned when it is destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_; }

   private:
    friend class Pool;
    Lease(Pool* pool, Connection* connection, std::unique_lock<std::mutex> writer_lock);
    Pool* pool_;
    Connection* connection_;
    std::unique_lock<std::mutex> writer_lock_;  // held when this is the writer
  };

  // Opens the writer and `readers` reader connections to `path`, switching the file to WAL.
  // An in-memory database (":memory:") gets no readers: each connection would see its own.
  static Result<std::unique_ptr<Pool>> open(const std::string& path, int readers);

  Lease write();  // blocks until the writer is free
  Lease read();   // blocks until a reader is free; the writer when there are no readers

 private:
  explicit Pool(std::string path) : path_(std::move(path)) {}
  void give_back(Connection* reader);
  // `connection` itself, or the file opened again when `connection` is read-only and the
  // new one is not; the caller holds the lock that guards it.
  void reopen_if_writable(std::unique_ptr<Connection>& connection);

  std::string path_;
  std::unique_ptr<Connection> writer_;
  std::atomic<bool> writable_{true};  // the writer can write: read-only readers are opened again
  std::mutex writer_mutex_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> free_readers_;
  std::mutex readers_mutex_;
  std::condition_variable reader_freed_;
};

}  // namespace bdp::sqlite
