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

}  // namespace

Error error_from(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Error{kind_of(rc), std::move(message)};
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_rc_(other.bind_rc_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::note_bind(int rc) {
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void Statement::bind(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(stmt_, index, value));
}

void Statement::bind(int index, double value) {
  note_bind(sqlite3_bind_double(stmt_, index, value));
}

void Statement::bind(int index, std::string_view text) {
  note_bind(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bind(int index, std::nullopt_t) {
  note_bind(sqlite3_bind_null(stmt_, index));
}

void Statement::bind_blob(int index, std::string_view bytes) {
  note_bind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

std::string json_array(const std::vector<std::int64_t>& ids) {
  std::string array = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) array += ',';
    array += std::to_string(ids[i]);
  }
  array += ']';
  return array;
}

Result<bool> Statement::step() {
  if (bind_rc_ != SQLITE_OK) return std::unexpected(error_from(db_, bind_rc_, "binding"));
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(error_from(db_, rc, sqlite3_sql(stmt_)));
}

Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
  }
}

Result<std::int64_t> Statement::single_integer() {
  auto row = step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorKind::internal, std::string("no row from ") + sqlite3_sql(stmt_));
  std::int64_t value = integer(0);
  if (auto done = run(); !done) return std::unexpected(done.error());
  return value;
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  // The pointer must be fetched before the size (SQLite's documented order).
  const auto* bytes = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  return bytes ? std::string(static_cast<const char*>(bytes), size) : std::string();
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &raw,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr);
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
  if (auto status = connection->execute("PRAGMA foreign_keys = ON"); !status) {
    return std::unexpected(status.error());
  }
  return connection;
}

Result<Statement> Connection::prepare(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    StatementHandle statement(raw);
    if (rc != SQLITE_OK) return std::unexpected(error_from(db_.get(), rc, sql));
    found = statements_.emplace(std::string(sql), std::move(statement)).first;
  }
  return Statement(db_.get(), found->second.get());
}

Status Connection::execute_script(std::string_view script) {
  const char* next = script.data();
  const char* end = script.data() + script.size();
  while (next < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_.get(), next, static_cast<int>(end - next), &raw, &tail);
    StatementHandle statement(raw);
    if (rc != SQLITE_OK) return std::unexpected(error_from(db_.get(), rc, "migration"));
    next = tail;
    if (!statement) continue;  // whitespace or a comment
    if (auto status = Statement(db_.get(), statement.get()).run(); !status) return status;
  }
  return {};
}

}  // namespace bdp::sqlite
