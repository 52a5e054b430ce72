// Backups of a PostgreSQL database with PostgreSQL's own tools, pg_dump and pg_restore (found on
// PATH; Debian package postgresql-client), in pg_dump's custom format. The URL is handed to the
// tools on their command line: keep passwords in ~/.pgpass or PGPASSWORD, not in the URL.
// Both block until the tool exits; safe to call from any thread.
#pragma once

#include <string>

#include "core/result.h"

namespace bdp {

// Writes a consistent snapshot of the whole database at `url` to the file `path` (replaced if it
// exists). The server keeps serving meanwhile. Errors: unavailable when pg_dump is missing, the
// server cannot be reached or the file cannot be written (the message carries pg_dump's own).
Status backup_postgres(const std::string& url, const std::string& path);

// Replaces the objects in the database at `url` with those of the backup at `path`, in one
// transaction: on failure the database is left as it was. Stop the app nodes first. Errors:
// unavailable as above, invalid_input when `path` is not a pg_dump custom-format file.
Status restore_postgres(const std::string& url, const std::string& path);

}  // namespace bdp
