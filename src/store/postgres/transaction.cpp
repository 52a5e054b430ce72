#include "store/postgres/transaction.h"

namespace bdp::pg {

namespace {
// Key of the change-log advisory lock (any constant; "bdp-chg" in ASCII).
constexpr const char* change_log_lock_key = "27693263586716519";
}  // namespace

Result<Transaction> Transaction::begin(Connection& conn, TransactionKind kind) {
  const char* begin_sql = kind == TransactionKind::read_only
                              ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                              : "BEGIN";
  if (auto started = conn.exec(begin_sql); !started) return std::unexpected(started.error());
  Transaction transaction(conn);
  if (kind == TransactionKind::logged_write) {
    auto locked = conn.exec("SELECT pg_advisory_xact_lock($1::bigint)", {change_log_lock_key});
    if (!locked) return std::unexpected(locked.error());
  }
  return transaction;
}

Transaction::~Transaction() {
  if (conn_) (void)conn_->exec("ROLLBACK");
}

Status Transaction::commit() {
  Connection* conn = conn_;
  conn_ = nullptr;
  auto committed = conn->exec("COMMIT");
  if (!committed) return std::unexpected(committed.error());
  return {};
}

}  // namespace bdp::pg
