// PgResult: an owned libpq result (RAII) with typed column readers, and the one mapping from a
// PostgreSQL failure to a bdp::Error. Internal to the postgres store.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"

namespace bdp::pg {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

// Rows of a successful statement. Readers take a row and a column index; REQUIRES: both in range
// and the column of the type read (the store's own SQL guarantees it).
class PgResult {
 public:
  explicit PgResult(ResultHandle handle) : handle_(std::move(handle)) {}

  int rows() const { return PQntuples(handle_.get()); }
  bool null(int row, int column) const { return PQgetisnull(handle_.get(), row, column) != 0; }
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  bool boolean(int row, int column) const;
  double real(int row, int column) const;
  std::optional<std::int64_t> optional_integer(int row, int column) const;
  std::optional<double> optional_real(int row, int column) const;
  // Rows changed by INSERT/UPDATE/DELETE.
  std::int64_t affected() const;

 private:
  ResultHandle handle_;
};

// The error of a failed statement (result may be null when libpq could not even send it).
// SQLSTATE classes decide the kind: connection loss, shutdown and "too many connections" are
// unavailable; unique violations conflict; foreign-key, check, not-null and data errors are
// invalid_input; the rest internal.
Error error_of(PGconn* conn, const PGresult* result);

// True when the error means the server or the connection is gone (retrying later may work).
bool is_connection_failure(PGconn* conn, const PGresult* result);

}  // namespace bdp::pg
