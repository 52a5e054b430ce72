// libpq results: an owned PGresult (RAII), its rows as sql::Rows, and the one mapping from a
// PostgreSQL failure to a bdp::Error. Internal to the postgres store.
#pragma once

#include <libpq-fe.h>

#include <memory>

#include "core/result.h"
#include "store/sql/rows.h"

namespace bdp::pg {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

// Every cell of a successful result as text, NULL as NULL, bytea decoded to its bytes; the
// count of rows an INSERT, UPDATE or DELETE changed.
sql::Rows to_rows(const PGresult* result);

// The error of a failed statement (result may be null when libpq could not even send it).
// SQLSTATE classes decide the kind: connection loss, shutdown and "too many connections" are
// unavailable; unique violations conflict; foreign-key, check, not-null and data errors are
// invalid_input; the rest internal.
Error error_of(PGconn* conn, const PGresult* result);

// True when the error means the server or the connection is gone (retrying later may work).
bool is_connection_failure(PGconn* conn, const PGresult* result);

}  // namespace bdp::pg
