// The SQLite engine of bdp::Store (the embedded default): one file in WAL mode, one writer
// connection behind a mutex and a small pool of readers, each read in one snapshot transaction.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace bdp {

// Opens, creating if missing, the database file at `path` (":memory:" for a private in-memory
// database; a "file:" URI such as "file:/tmp/x.db?vfs=name" selects SQLite options). Does not
// migrate: call Store::migrate(). Errors: unavailable when the file cannot be opened or switched to
// WAL, internal when libsodium or ICU cannot initialise. The returned store is thread-safe.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);

}  // namespace bdp
