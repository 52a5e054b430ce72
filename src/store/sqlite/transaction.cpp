#include "store/sqlite/transaction.h"

namespace bdp::sqlite {

Result<Transaction> Transaction::begin(Connection& connection, Mode mode) {
  auto status = connection.execute(mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!status) return std::unexpected(status.error());
  return Transaction(connection);
}

Transaction::~Transaction() {
  // A failed COMMIT may leave the transaction open (e.g. SQLITE_BUSY); only roll back if so.
  if (connection_ && !sqlite3_get_autocommit(connection_->handle())) {
    (void)connection_->execute("ROLLBACK");
  }
}

Status Transaction::commit() {
  Connection* connection = connection_;
  auto status = connection->execute("COMMIT");
  if (status) connection_ = nullptr;
  return status;
}

}  // namespace bdp::sqlite
