// The SQLite schema as an ordered list of versioned migrations, and the runner. Internal.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sqlite/connection.h"

namespace bdp::sqlite {

// Migration N (1-based) is migrations()[N-1]. Append only: never edit a released migration.
const std::vector<std::string_view>& migrations();

// Applies the migrations not yet recorded in schema_migrations, each in its own transaction.
// Safe to call on every start and from several processes (the write lock serialises them).
Status migrate(Connection& writer);

}  // namespace bdp::sqlite
