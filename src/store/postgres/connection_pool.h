// ConnectionPool: a fixed number of connections to one PostgreSQL database, leased to one thread
// at a time. Connections are opened lazily, health-checked when leased (a broken one is
// re-established) and rolled back if returned inside a transaction. Internal to the postgres store.
//
// When connecting fails, the server is taken as down: for options.retry_interval every lease
// that needs a connection established fails at once, then one caller probes again while the
// others keep failing at once. Callers run on web server threads, so an unreachable server
// costs one blocked thread per interval, not every request a full connect timeout.
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
  int size = 8;  // connections at most
  // Longest wait for a free connection: well below any client's or proxy's timeout, so a
  // request gets a 503 rather than no answer.
  std::chrono::milliseconds wait{2000};
  // After a failed connect, how long leases needing a connection fail without trying.
  std::chrono::milliseconds retry_interval{500};
};

class ConnectionPool {
 public:
  ConnectionPool(std::string url, PoolOptions options);

  // A healthy connection, waiting up to options.wait for one to be free. Errors: unavailable
  // when every connection stayed busy that long or the server cannot be reached (a refused
  // connection fails at once, an unreachable host after the connect timeout; while the server
  // is taken as down, at once, see above).
  Result<Lease> acquire();

 private:
  using Clock = std::chrono::steady_clock;
  friend class Lease;
  void release(std::unique_ptr<Connection> conn);
  // Connects or re-connects `conn` (null: a slot never connected) unless the server is taken as
  // down; records the outcome for the other callers.
  Status establish(std::unique_ptr<Connection>& conn);

  const std::string url_;
  const PoolOptions options_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // null entries: slots not yet connected
  // The server is taken as down from a failed connect until one succeeds.
  bool down_ = false;
  bool probing_ = false;        // a caller is connecting while down_
  Clock::time_point retry_at_;  // while down_: when the next probe may start
  std::string down_reason_;
};

}  // namespace bdp::pg
