// A transaction on one Connection: rolled back when destroyed without commit(). Internal.
#pragma once

#include "core/result.h"
#include "store/sqlite/connection.h"

namespace bdp::sqlite {

class Transaction {
 public:
  // write: BEGIN IMMEDIATE (takes the write lock now, so a busy database fails here, with
  // unavailable, not half-way); read: BEGIN (a consistent snapshot in WAL mode).
  enum class Mode { read, write };
  static Result<Transaction> begin(Connection& connection, Mode mode);

  Transaction(Transaction&& other) noexcept : connection_(other.connection_) {
    other.connection_ = nullptr;
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  // Errors: unavailable when the commit cannot be written (the transaction is rolled back).
  Status commit();

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}
  Connection* connection_;
};

}  // namespace bdp::sqlite
