#include "store/backup.h"

#include "store/database_url.h"
#include "store/postgres/backup.h"
#include "store/sqlite/backup.h"

namespace bdp {

Status backup_database(const std::string& url, const std::string& path) {
  auto parsed = parse_database_url(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->engine == Engine::postgresql) return backup_postgres(parsed->location, path);
  return backup_sqlite(parsed->location, path);
}

Status restore_database(const std::string& url, const std::string& path) {
  auto parsed = parse_database_url(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->engine == Engine::postgresql) return restore_postgres(parsed->location, path);
  return restore_sqlite(path, parsed->location);
}

}  // namespace bdp
