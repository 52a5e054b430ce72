// ConnectionPool: a fixed number of connections to one PostgreSQL database, leased to one thread
// at a time. Connections are opened lazily, health-checked when leased (a broken one is
// re-established) and rolled back if returned inside a transaction. Internal to the postgres store.
//
// Thread-safety: acquire() may be called from any thread; a Lease belongs to the thread holding it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/postgres/connection.h"

namespace bdp::pg {

class ConnectionPool;

// A leased connection; returned to its pool on destruction. REQUIRES: the pool outlives it.
class Lease {
 public:
  Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
      : pool_(pool), conn_(std::move(conn)) {}
  Lease(Lease&&) = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<Connection> conn_;
};

struct PoolOptions {
  int size = 8;                          // connections at most
  std::chrono::milliseconds wait{5000};  // longest wait for a free connection
};

class ConnectionPool {
 public:
  ConnectionPool(std::string url, PoolOptions options);

  // A healthy connection, waiting up to options.wait for one to be free. Errors: unavailable
  // when every connection stayed busy that long or the server cannot be reached (a refused
  // connection fails at once, an unreachable host after the connect timeout).
  Result<Lease> acquire();

 private:
  friend class Lease;
  void release(std::unique_ptr<Connection> conn);

  const std::string url_;
  const PoolOptions options_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // null entries: slots not yet connected
};

}  // namespace bdp::pg
