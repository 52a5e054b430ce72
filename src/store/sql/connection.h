// Connection: one database connection, used by one thread at a time, that runs a statement of
// the store's SQL (written once, see dialect.h) as a prepared statement cached on the
// connection. Implemented by sqlite/ and postgres/.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sql/dialect.h"
#include "store/sql/rows.h"
#include "store/sql/value.h"

namespace bdp::sql {

class Connection {
 public:
  virtual ~Connection() = default;

  // Runs one statement with parameters $1..$n and returns all its rows. Errors: unavailable
  // (the database cannot be reached, is busy or full), conflict (a unique key), invalid_input
  // (another constraint), internal (anything else, e.g. a bug in the SQL).
  virtual Result<Rows> exec(std::string_view sql, std::span<const Value> params) = 0;
  // Runs a script of several statements without parameters (migrations). REQUIRES: `script` is
  // a constant of the program.
  virtual Status execute_script(std::string_view script) = 0;
  virtual const Dialect& dialect() const = 0;

  Result<Rows> exec(std::string_view sql, std::initializer_list<Value> params = {}) {
    return exec(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // exec() that keeps only success or failure.
  Status run(std::string_view sql, std::initializer_list<Value> params = {}) {
    auto rows = exec(sql, params);
    if (!rows) return std::unexpected(rows.error());
    return {};
  }
  // exec() of a statement yielding one row (COUNT, EXISTS, INSERT … RETURNING id): column 0 of
  // it. Errors: internal when there is no row.
  Result<std::int64_t> single_integer(std::string_view sql,
                                      std::initializer_list<Value> params = {});
  // exec() of a statement yielding ids: column 0 of every row, in order.
  Result<std::vector<std::int64_t>> integers(std::string_view sql,
                                             std::initializer_list<Value> params = {});
};

}  // namespace bdp::sql
