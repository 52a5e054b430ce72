#include "store/sqlite/backup.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "store/sqlite/connection.h"

namespace bdp {
namespace {

using sqlite::Connection;

struct BackupFinisher {
  void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};
using BackupHandle = std::unique_ptr<sqlite3_backup, BackupFinisher>;

// Opens an existing database file without creating it. not_found when it is missing.
Result<sqlite::DbHandle> open_existing(const std::string& path, int flags) {
  if (!path.starts_with("file:") && !std::filesystem::exists(path)) {
    return fail(ErrorKind::not_found, "no SQLite database at " + path);
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_URI, nullptr);
  sqlite::DbHandle db(raw);
  if (rc != SQLITE_OK) {
    return std::unexpected(sqlite::error_from(db.get(), rc, "cannot open " + path));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

// Copies every page of `from` into `to` in one pass; a busy source (a writer checkpointing) is
// retried, so a copy is consistent and complete or reported failed.
Status copy_database(sqlite3* from, sqlite3* to, const std::string& what) {
  BackupHandle backup(sqlite3_backup_init(to, "main", from, "main"));
  if (!backup) return std::unexpected(sqlite::error_from(to, sqlite3_errcode(to), what));
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 100; ++attempt) {
    rc = sqlite3_backup_step(backup.get(), -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  sqlite3_backup* raw = backup.release();
  const int finished = sqlite3_backup_finish(raw);
  if (rc != SQLITE_DONE) return std::unexpected(sqlite::error_from(to, rc, what));
  if (finished != SQLITE_OK) return std::unexpected(sqlite::error_from(to, finished, what));
  return {};
}

// A bdp database passes SQLite's own check and has bdp's migration table.
Status check_bdp_database(sqlite3* db, const std::string& path) {
  const std::string not_bdp = "not a bdp SQLite backup: " + path;
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(
      db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
      -1, &raw, nullptr);
  sqlite::StatementHandle statement(raw);
  if (rc != SQLITE_OK || sqlite3_step(statement.get()) != SQLITE_ROW) {
    return fail(ErrorKind::invalid_input, not_bdp + " (" + sqlite3_errmsg(db) + ")");
  }
  if (sqlite3_column_int64(statement.get(), 0) != 1) {
    return fail(ErrorKind::invalid_input, not_bdp + " (no schema_migrations table)");
  }
  statement.reset();
  rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &raw, nullptr);
  statement.reset(raw);
  if (rc != SQLITE_OK || sqlite3_step(statement.get()) != SQLITE_ROW) {
    return fail(ErrorKind::invalid_input, not_bdp + " (" + sqlite3_errmsg(db) + ")");
  }
  const auto* verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0));
  if (!verdict || std::string(verdict) != "ok") {
    return fail(ErrorKind::invalid_input,
                not_bdp + " (damaged: " + (verdict ? verdict : "?") + ")");
  }
  return {};
}

}  // namespace

Status backup_sqlite(const std::string& path, const std::string& target) {
  auto source = open_existing(path, SQLITE_OPEN_READONLY);
  if (!source) return std::unexpected(source.error());
  // Written beside the target, then renamed: a reader of `target` never sees half a backup.
  const std::string partial = target + ".partial-" + std::to_string(getpid());
  std::filesystem::remove(partial);
  Status written = [&]() -> Status {
    auto copy = Connection::open(partial);
    if (!copy) return std::unexpected(copy.error());
    if (auto copied = copy_database(source->get(), (*copy)->handle(), "backup to " + target);
        !copied) {
      return copied;
    }
    // One self-contained file: no -wal beside it.
    return (*copy)->run("PRAGMA journal_mode = DELETE");
  }();
  std::error_code ec;
  if (written) std::filesystem::rename(partial, target, ec);
  if (!written || ec) {
    std::filesystem::remove(partial, ec);
    if (!written) return written;
    return fail(ErrorKind::unavailable, "cannot write " + target + ": " + ec.message());
  }
  return {};
}

Status restore_sqlite(const std::string& backup, const std::string& path) {
  auto source = open_existing(backup, SQLITE_OPEN_READONLY);
  if (!source) {
    if (source.error().kind == ErrorKind::not_found) {
      return fail(ErrorKind::invalid_input, source.error().message);
    }
    return std::unexpected(source.error());
  }
  if (auto checked = check_bdp_database(source->get(), backup); !checked) return checked;
  auto target = Connection::open(path);
  if (!target) return std::unexpected(target.error());
  return copy_database(source->get(), (*target)->handle(), "restore into " + path);
}

}  // namespace bdp
