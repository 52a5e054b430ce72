#include "store/postgres/connection_pool.h"

namespace bdp::pg {

Lease::~Lease() {
  if (conn_) pool_->release(std::move(conn_));
}

ConnectionPool::ConnectionPool(std::string url, PoolOptions options)
    : url_(std::move(url)), options_(options) {
  idle_.resize(static_cast<std::size_t>(options_.size));
}

Result<Lease> ConnectionPool::acquire() {
  std::unique_ptr<Connection> conn;
  {
    std::unique_lock lock(mutex_);
    if (!returned_.wait_for(lock, options_.wait, [&] { return !idle_.empty(); })) {
      return fail(ErrorKind::unavailable, "database busy: all " + std::to_string(options_.size) +
                                              " connections stayed in use for " +
                                              std::to_string(options_.wait.count()) + " ms");
    }
    conn = std::move(idle_.back());
    idle_.pop_back();
  }
  if (!conn || !conn->idle()) {
    if (auto status = establish(conn); !status) {
      release(std::move(conn));
      return std::unexpected(status.error());
    }
  }
  conn->mark_fresh();
  return Lease(this, std::move(conn));
}

Status ConnectionPool::establish(std::unique_ptr<Connection>& conn) {
  {
    std::lock_guard lock(mutex_);
    if (down_) {
      if (probing_ || Clock::now() < retry_at_) {
        return fail(ErrorKind::unavailable, down_reason_ + " (retrying shortly)");
      }
      probing_ = true;
    }
  }
  // Connect outside the lock: other threads keep leasing while this one waits on the network.
  Status status;
  if (!conn) {
    auto opened = Connection::open(url_);
    if (opened) {
      conn = std::move(*opened);
    } else {
      status = std::unexpected(opened.error());
    }
  } else {
    status = conn->reconnect();
  }
  std::lock_guard lock(mutex_);
  probing_ = false;
  // A malformed URL (invalid_input) is not an outage; every connection failure is.
  if (!status && status.error().kind == ErrorKind::unavailable) {
    down_ = true;
    retry_at_ = Clock::now() + options_.retry_interval;
    down_reason_ = status.error().message;
  } else if (status) {
    down_ = false;
  }
  return status;
}

void ConnectionPool::release(std::unique_ptr<Connection> conn) {
  // A connection left inside a transaction (a caller's bug or a failed ROLLBACK) must not carry
  // that state to the next lease; if rolling back fails too, the next lease reconnects it.
  if (conn && !conn->idle()) (void)conn->exec("ROLLBACK");
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
  }
  returned_.notify_one();
}

}  // namespace bdp::pg
