// The PostgreSQL engine of bdp::Store, chosen with a "postgresql://…" URL.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace bdp {

// Connects to the PostgreSQL server named by `url` ("postgresql://user@host:port/db?…").
// Does not migrate: call Store::migrate(). Errors: unavailable when the server cannot be reached.
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url);

}  // namespace bdp
