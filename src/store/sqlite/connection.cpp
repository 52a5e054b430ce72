#include "store/sqlite/connection.h"

#include <string>

#include "store/sqlite/polish_collation.h"

namespace bdp::sqlite {
namespace {

// Long enough to ride out another process's write transaction, short enough to fail visibly.
constexpr int kBusyTimeoutMs = 5000;

ErrorKind kind_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
      return ErrorKind::unavailable;
    case SQLITE_CONSTRAINT:
      return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
                 ? ErrorKind::conflict
                 : ErrorKind::invalid_input;
    default:
      return ErrorKind::internal;
  }
}

std::string json_array(const std::vector<std::int64_t>& ids) {
  std::string array = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) array += ',';
    array += std::to_string(ids[i]);
  }
  return array + ']';
}

int bind(sqlite3_stmt* stmt, int index, const sql::Value& value) {
  struct Binder {
    sqlite3_stmt* stmt;
    int index;
    int operator()(std::monostate) const { return sqlite3_bind_null(stmt, index); }
    int operator()(std::int64_t v) const { return sqlite3_bind_int64(stmt, index, v); }
    int operator()(double v) const { return sqlite3_bind_double(stmt, index, v); }
    int operator()(const std::string& v) const {
      return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    int operator()(const sql::Blob& v) const {
      return sqlite3_bind_blob64(stmt, index, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
    }
    int operator()(const sql::IdList& v) const { return (*this)(json_array(v.ids)); }
  };
  return std::visit(Binder{stmt, index}, value);
}

sql::Cell cell(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, column);
    default: {
      // The pointer must be fetched before the size (SQLite's documented order).
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, column));
      int size = sqlite3_column_bytes(stmt, column);
      return bytes ? std::string(bytes, static_cast<std::size_t>(size)) : std::string();
    }
  }
}

// Resets a cached statement and clears its bindings when the use ends, however it ends.
struct StatementUse {
  sqlite3_stmt* stmt;
  ~StatementUse() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
};

}  // namespace

Error error_from(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Error{kind_of(rc), std::move(message)};
}

std::string sqlite_parameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      ch = '?';
    }
    out += ch;
  }
  return out;
}

const sql::Dialect& sqlite_dialect() {
  static const sql::Dialect dialect{
      .polish_collation = "pl",
      .byte_collation = "BINARY",
      .lock_for_share = "",
      .in_ids =
          [](std::string_view column, int parameter) {
            return std::string(column) + " IN (SELECT value FROM json_each($" +
                   std::to_string(parameter) + "))";
          },
      // NULL into an INTEGER PRIMARY KEY assigns the next rowid.
      .new_id = [](std::string_view, int parameter) { return "$" + std::to_string(parameter); },
      .after_explicit_ids = [](std::string_view) { return std::string(); },
      .lock_skip_locked = "",
  };
  return dialect;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
                               SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                           nullptr);
  DbHandle db(raw);  // sqlite3_open_v2 allocates a handle even on failure
  if (rc != SQLITE_OK) {
    return std::unexpected(error_from(db.get(), rc, "cannot open SQLite database " + path));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  if (auto status = register_polish_collation(db.get()); !status) {
    return std::unexpected(status.error());
  }
  std::unique_ptr<Connection> connection(new Connection(std::move(db)));
  if (auto status = connection->run("PRAGMA foreign_keys = ON"); !status) {
    return std::unexpected(status.error());
  }
  return connection;
}

Result<sqlite3_stmt*> Connection::prepare(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    const std::string text = sqlite_parameters(sql);
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_.get(), text.data(), static_cast<int>(text.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    StatementHandle statement(raw);
    if (rc != SQLITE_OK) return std::unexpected(error_from(db_.get(), rc, sql));
    found = statements_.emplace(std::string(sql), std::move(statement)).first;
  }
  return found->second.get();
}

Result<sql::Rows> Connection::exec(std::string_view sql, std::span<const sql::Value> params) {
  auto prepared = prepare(sql);
  if (!prepared) return std::unexpected(prepared.error());
  sqlite3_stmt* stmt = *prepared;
  StatementUse use{stmt};
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (int rc = bind(stmt, static_cast<int>(i) + 1, params[i]); rc != SQLITE_OK) {
      return std::unexpected(error_from(db_.get(), rc, "binding"));
    }
  }
  const int columns = sqlite3_column_count(stmt);
  std::vector<sql::Cell> cells;
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return std::unexpected(error_from(db_.get(), rc, sql));
    for (int column = 0; column < columns; ++column) cells.push_back(cell(stmt, column));
  }
  // sqlite3_changes64 still names the last write when this statement wrote nothing.
  const std::int64_t affected = sqlite3_stmt_readonly(stmt) ? 0 : sqlite3_changes64(db_.get());
  return sql::Rows(columns, std::move(cells), affected);
}

Status Connection::execute_script(std::string_view script) {
  const char* next = script.data();
  const char* end = script.data() + script.size();
  while (next < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_.get(), next, static_cast<int>(end - next), &raw, &tail);
    StatementHandle statement(raw);
    if (rc != SQLITE_OK) return std::unexpected(error_from(db_.get(), rc, "script"));
    next = tail;
    if (!statement) continue;  // whitespace or a comment
    while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return std::unexpected(error_from(db_.get(), rc, "script"));
  }
  return {};
}

}  // namespace bdp::sqlite
