// The PostgreSQL engine of bdp::Store (`--database postgresql://…`): a fixed pool of libpq
// connections, every statement prepared, the same schema and semantics as the SQLite engine.
// Several app nodes may share one database: writes that append to the change log run one at a
// time (an advisory lock), so the log's seqs commit in order and followers never skip one.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace bdp {

// Connects to the database at `url` (postgresql://user@host:port/db?options…; any libpq URL).
// Does not migrate: call Store::migrate(). Errors: invalid_input for a malformed URL,
// unavailable when the server cannot be reached, internal when libsodium cannot initialise.
// The returned store is thread-safe; when the server goes away its calls fail with unavailable
// (bounded by a 5 s connect timeout and a 5 s wait for a free connection) and it reconnects by
// itself once the server is back.
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url);

}  // namespace bdp
