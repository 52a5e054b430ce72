#include "store/database_url.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace bdp {

Result<std::unique_ptr<Store>> open_store(const std::string& url) {
  auto parsed = parse_database_url(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->engine == Engine::postgresql) return open_postgres_store(parsed->location);
  return open_sqlite_store(parsed->location);
}

}  // namespace bdp
