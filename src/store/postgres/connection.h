// Connection: one libpq connection (RAII), the PostgreSQL side of sql::Connection: every
// statement runs as a prepared statement, prepared on first use and cached per connection.
// Internal to the postgres store.
//
// Thread-safety: none; a connection is used by one thread at a time (ConnectionPool leases it).
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.h"

namespace bdp::pg {

// PostgreSQL's fragments of the store's SQL (IdList parameters as bigint[] literals).
const sql::Dialect& postgres_dialect();

class Connection final : public sql::Connection {
 public:
  // Connects to `url` (a libpq URL or key=value string). Fails with invalid_input when the URL is
  // malformed, unavailable when the server cannot be reached (within a 3 s connect timeout,
  // unless the URL sets connect_timeout).
  static Result<std::unique_ptr<Connection>> open(const std::string& url);

  // Errors: see error_of(). If this is the first statement since mark_fresh() and the connection
  // turns out to be broken (e.g. the server restarted while it sat idle), it reconnects and runs
  // the statement once more: callers make the first statement of a lease BEGIN or a read.
  Result<sql::Rows> exec(std::string_view sql, std::span<const sql::Value> params) override;
  using sql::Connection::exec;
  // Runs the script through the simple query protocol (several statements, no parameters).
  Status execute_script(std::string_view script) override;
  const sql::Dialect& dialect() const override { return postgres_dialect(); }

  // Called by the pool when the connection is leased.
  void mark_fresh() { fresh_ = true; }
  // True when the connection is up and not inside a transaction.
  bool idle() const;
  // Re-establishes a broken connection (prepared statements are forgotten). unavailable if the
  // server cannot be reached.
  Status reconnect();

 private:
  struct Deleter {
    void operator()(PGconn* conn) const { PQfinish(conn); }
  };
  explicit Connection(std::unique_ptr<PGconn, Deleter> conn) : conn_(std::move(conn)) {}
  Result<sql::Rows> run_prepared(std::string_view sql, std::span<const sql::Value> params);

  std::unique_ptr<PGconn, Deleter> conn_;
  std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
  bool fresh_ = false;
};

}  // namespace bdp::pg
