// Backup and restore of a whole database named by its URL (database_url.h), with each engine's
// own means: SQLite's online backup API (sqlite/backup.h), pg_dump / pg_restore
// (postgres/backup.h). A backup file is engine-specific; to move between engines use the JSON
// export or `bdp migrate-db`. Blocking; safe to call from any thread.
#pragma once

#include <string>

#include "core/result.h"

namespace bdp {

// Writes a consistent snapshot of the database at `url` to the file `path` while the portal keeps
// serving. Errors: as the engine's backup (not_found, unavailable), invalid_input for a bad URL.
Status backup_database(const std::string& url, const std::string& path);

// Replaces the contents of the database at `url` with the backup at `path`, all or nothing. Stop
// the portal nodes first. Errors: invalid_input when `path` is not a backup of that engine,
// unavailable when the files or the server cannot be reached.
Status restore_database(const std::string& url, const std::string& path);

}  // namespace bdp
