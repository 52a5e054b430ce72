// Transaction: BEGIN on a leased connection, ROLLBACK on destruction unless committed.
// Internal to the postgres store.
#pragma once

#include "core/result.h"
#include "store/postgres/connection.h"

namespace bdp::pg {

enum class TransactionKind {
  // A consistent snapshot for reads that take several statements.
  read_only,
  // A write that appends to the change log. Takes the change-log advisory lock first, so writers
  // run one at a time: change-log seqs (BIGSERIAL) then commit in the order they were drawn, and
  // a follower reading `seq > last` can never skip a lower seq that commits late. It also makes
  // inserts with explicit (legacy) ids and the setval that follows them race-free.
  logged_write,
  // A write that touches no change log (visitor counter): no lock, READ COMMITTED.
  plain_write,
};

class Transaction {
 public:
  // Starts a transaction; the errors of BEGIN (unavailable when the server is down).
  static Result<Transaction> begin(Connection& conn, TransactionKind kind);
  Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Connection& conn() { return *conn_; }
  // Commits. unavailable when the connection broke: the outcome is then unknown to the caller
  // and the write must not be acknowledged.
  Status commit();

 private:
  explicit Transaction(Connection& conn) : conn_(&conn) {}
  Connection* conn_;  // null once committed or moved from
};

}  // namespace bdp::pg
