// Connection: one libpq connection (RAII) that runs every statement as a prepared statement,
// prepared on first use and cached per connection. Internal to the postgres store.
//
// Thread-safety: none; a connection is used by one thread at a time (ConnectionPool leases it).
#pragma once

#include <libpq-fe.h>

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "store/postgres/pg_result.h"

namespace bdp::pg {

// A statement parameter in text form; nullopt is SQL NULL.
using Param = std::optional<std::string>;

// Converts a value to a parameter: strings, integers, bool, double and optionals of them.
template <class T>
Param param(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "t" : "f";
  } else if constexpr (std::is_arithmetic_v<T>) {
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
  } else if constexpr (requires { value.has_value(); }) {
    if (!value) return std::nullopt;
    return param(*value);
  } else {
    return std::string(value);
  }
}

// A bigint[] parameter ("{1,2,3}") for `= ANY($n::bigint[])` or `unnest($n::bigint[])`.
Param id_array(const std::vector<std::int64_t>& ids);
// A text[] parameter for `unnest($n::text[])`: each element quoted, so any text stays data.
Param text_array(const std::vector<std::string>& texts);

class Connection {
 public:
  // Connects to `url` (a libpq URL or key=value string). Fails with invalid_input when the URL is
  // malformed, unavailable when the server cannot be reached (within a 3 s connect timeout,
  // unless the URL sets connect_timeout).
  static Result<std::unique_ptr<Connection>> open(const std::string& url);

  // Runs `sql` with parameters $1..$n, preparing it on first use on this connection.
  // Errors: see error_of(). If this is the first statement since mark_fresh() and the connection
  // turns out to be broken (e.g. the server restarted while it sat idle), it reconnects and runs
  // the statement once more: callers make the first statement of a lease BEGIN or a read.
  Result<PgResult> exec(const std::string& sql, const std::vector<Param>& params);
  Result<PgResult> exec(const std::string& sql, std::initializer_list<Param> params = {}) {
    return exec(sql, std::vector<Param>(params));
  }

  // Runs constant SQL text that may hold several statements (migrations' DDL) through the simple
  // query protocol. REQUIRES: `sql` is a constant of the program, never built from input.
  Status execute_script(const std::string& sql);

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
  Result<PgResult> run(const std::string& sql, const std::vector<Param>& params);

  std::unique_ptr<PGconn, Deleter> conn_;
  std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
  bool fresh_ = false;
};

}  // namespace bdp::pg
