// The versioned schema of the postgres store: the same tables and semantics as the SQLite
// engine's migrations, in PostgreSQL's dialect. Internal to the postgres store.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/postgres/connection.h"

namespace bdp::pg {

// The migration scripts in order; version N is element N-1. Never edit a released one: append.
const std::vector<std::string_view>& migrations();

// Applies the pending migrations in one transaction, under an advisory lock so that several
// nodes starting at once migrate once. Errors: those of the statements (unavailable, internal).
Status migrate(Connection& conn);

}  // namespace bdp::pg
