#include <string>

#include "store/sql/clock.h"
#include "store/sql/engine.h"

namespace bdp::sql {

Status migrate(Engine& engine) {
  auto transaction = engine.begin(Access::migrate);
  if (!transaction) return std::unexpected(transaction.error());
  Connection& c = (*transaction)->connection();
  auto created = c.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "applied_at TEXT NOT NULL)");
  if (!created) return created;
  // Read inside the migrate transaction: another process may have migrated meanwhile.
  auto applied = c.single_integer("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!applied) return std::unexpected(applied.error());
  const auto& list = engine.migrations();
  for (auto version = *applied + 1; version <= std::ssize(list); ++version) {
    if (auto status = c.execute_script(list[version - 1]); !status) {
      return fail(status.error().kind,
                  "migration " + std::to_string(version) + ": " + status.error().message);
    }
    auto recorded = c.run("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                          {value(version), value(utc_timestamp())});
    if (!recorded) return recorded;
  }
  return (*transaction)->commit();
}

}  // namespace bdp::sql
