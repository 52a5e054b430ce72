// Backups of a SQLite database with SQLite's online backup API: a consistent copy taken while the
// portal keeps serving (readers and the writer are not blocked in WAL mode). Both block until
// done; safe to call from any thread, also while a Store has the database open.
#pragma once

#include <string>

#include "core/result.h"

namespace bdp {

// Copies the database file at `path` (a path or "file:" URI, as open_sqlite_store takes) to the
// single self-contained file `target`, replaced atomically when complete. Errors: not_found when
// `path` does not exist, unavailable when it cannot be read or `target` cannot be written.
Status backup_sqlite(const std::string& path, const std::string& target);

// Replaces the contents of the database at `path` (created when missing) with the backup at
// `backup`, in one transaction: on failure the database is left as it was. Stop the portal first.
// Errors: invalid_input when `backup` is not a bdp SQLite database, unavailable when a file
// cannot be read or written.
Status restore_sqlite(const std::string& backup, const std::string& path);

}  // namespace bdp
