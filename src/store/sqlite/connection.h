// One SQLite connection and its prepared statements, owned through RAII handles. Internal to the
// SQLite store. Not thread-safe: a Connection is used by one thread at a time (see pool.h).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.h"

namespace bdp::sqlite {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Maps an SQLite result code to an Error: busy/locked/full/I-O → unavailable, unique or primary
// key violations → conflict, other constraints → invalid_input, the rest → internal.
Error error_from(sqlite3* db, int rc, std::string_view what);

// "[1,2,3]": ids as one JSON array parameter, for `IN (SELECT value FROM json_each(?))`.
std::string json_array(const std::vector<std::int64_t>& ids);

// A borrowed use of a cached prepared statement. Binds parameters (1-based), steps, reads
// columns; resets the statement and clears its bindings when destroyed.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  void bind(int index, std::int64_t value);
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, double value);
  void bind(int index, std::string_view text);
  void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
  void bind(int index, const char* text) { bind(index, std::string_view(text)); }
  void bind(int index, std::nullopt_t);
  template <class T>
  void bind(int index, const std::optional<T>& value) {
    if (value) {
      bind(index, *value);
    } else {
      bind(index, std::nullopt);
    }
  }
  void bind_blob(int index, std::string_view bytes);
  // Binds json_array(ids): the children of a whole page of rows load in one query per table.
  void bind_ids(int index, const std::vector<std::int64_t>& ids) { bind(index, json_array(ids)); }

  // Binds args to parameters 1, 2, 3…
  template <class... Args>
  void bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
  }

  // Advances: true when a row is available, false when done. A failed bind is reported here.
  Result<bool> step();
  // Steps until done (statements without result rows).
  Status run();
  // For statements yielding one row (COUNT, INSERT … RETURNING id): column 0 of that row, after
  // stepping to completion. Errors: internal when there is no row.
  Result<std::int64_t> single_integer();
  // Calls on_row(*this) for each row; on_row returns void or a Status that stops on error.
  template <class OnRow>
  Status each_row(OnRow&& on_row) {
    for (;;) {
      auto row = step();
      if (!row) return std::unexpected(row.error());
      if (!*row) return {};
      if constexpr (std::is_void_v<decltype(on_row(*this))>) {
        on_row(*this);
      } else if (auto status = on_row(*this); !status) {
        return status;
      }
    }
  }

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;  // NULL reads as ""
  std::optional<std::int64_t> optional_integer(int column) const;
  std::optional<double> optional_real(int column) const;

 private:
  void note_bind(int rc);
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

class Connection {
 public:
  // Opens (creating if missing) the database file at `path`, with foreign keys on, a busy timeout
  // and the `pl` collation. Errors: unavailable when the file cannot be opened.
  static Result<std::unique_ptr<Connection>> open(const std::string& path);

  // Prepares `sql` once per connection and caches it; `sql` must name one statement.
  Result<Statement> prepare(std::string_view sql);
  // Prepares and binds in one call.
  template <class... Args>
  Result<Statement> query(std::string_view sql, const Args&... args) {
    auto statement = prepare(sql);
    if (statement) statement->bind_all(args...);
    return statement;
  }
  // Prepares and runs a statement that returns no rows.
  template <class... Args>
  Status execute(std::string_view sql, const Args&... args) {
    auto statement = query(sql, args...);
    if (!statement) return std::unexpected(statement.error());
    return statement->run();
  }
  // Prepares, binds and returns column 0 of the one row (see Statement::single_integer).
  template <class... Args>
  Result<std::int64_t> single_integer(std::string_view sql, const Args&... args) {
    auto statement = query(sql, args...);
    if (!statement) return std::unexpected(statement.error());
    return statement->single_integer();
  }
  // Runs a script of several statements (migrations), each prepared in turn, none cached.
  Status execute_script(std::string_view script);

  std::int64_t changes() const { return sqlite3_changes64(db_.get()); }
  sqlite3* handle() const { return db_.get(); }

 private:
  explicit Connection(DbHandle db) : db_(std::move(db)) {}
  DbHandle db_;
  // Declared after db_ so statements are finalized before the connection closes.
  std::map<std::string, StatementHandle, std::less<>> statements_;
};

}  // namespace bdp::sqlite
