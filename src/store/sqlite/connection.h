// One SQLite connection and its prepared statements, owned through RAII handles: the SQLite
// side of sql::Connection. Internal to the SQLite engine. Not thread-safe: a Connection is used
// by one thread at a time (see pool.h).
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "store/sql/connection.h"

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

// SQLite's spelling of the store's SQL: $n parameters become ?n (SQLite numbers `$1` by order
// of appearance, `?1` by its digits); quoted text is left alone.
std::string sqlite_parameters(std::string_view sql);

// SQLite's fragments of the store's SQL (IdList parameters as JSON arrays).
const sql::Dialect& sqlite_dialect();

class Connection final : public sql::Connection {
 public:
  // Opens the database file at `path` (created if missing, unless `create` is false), with
  // foreign keys on, a busy timeout and the `pl` collation. Errors: unavailable when the file
  // cannot be opened.
  static Result<std::unique_ptr<Connection>> open(const std::string& path, bool create = true);

  Result<sql::Rows> exec(std::string_view sql, std::span<const sql::Value> params) override;
  using sql::Connection::exec;
  Status execute_script(std::string_view script) override;
  const sql::Dialect& dialect() const override { return sqlite_dialect(); }

  sqlite3* handle() const { return db_.get(); }
  // True when the file could only be opened for reading (its mode, a read-only mount): every
  // write fails with unavailable until the file is opened again.
  bool read_only() const { return sqlite3_db_readonly(db_.get(), "main") == 1; }

 private:
  explicit Connection(DbHandle db) : db_(std::move(db)) {}
  Result<sqlite3_stmt*> prepare(std::string_view sql);
  DbHandle db_;
  // Declared after db_ so statements are finalized before the connection closes.
  std::map<std::string, StatementHandle, std::less<>> statements_;
};

}  // namespace bdp::sqlite
