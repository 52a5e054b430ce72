// The PostgreSQL schema as an ordered list of versioned migrations (run by sql::migrate). Internal.
#pragma once

#include <string_view>
#include <vector>

namespace bdp::pg {

// Migration N (1-based) is migrations()[N-1]. Append only: never edit a released migration.
const std::vector<std::string_view>& migrations();

}  // namespace bdp::pg
