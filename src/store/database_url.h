// The database URL every command takes (--database): which engine, and where.
#pragma once

#include <string>

#include "core/result.h"

namespace bdp {

enum class Engine { sqlite, postgresql };

struct DatabaseUrl {
  Engine engine = Engine::sqlite;
  std::string location;  // SQLite: the file path or "file:" URI; PostgreSQL: the whole URL
};

// Parses "postgresql://…" / "postgres://…", "sqlite://PATH" (so sqlite:///tmp/x.db is
// /tmp/x.db), "sqlite:PATH" or a bare path (SQLite). Errors: invalid_input when no file is named.
// Pure; thread-safe.
Result<DatabaseUrl> parse_database_url(const std::string& url);

}  // namespace bdp
