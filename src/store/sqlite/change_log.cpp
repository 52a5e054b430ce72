#include <string>

#include "store/sqlite/tables.h"

namespace bdp::sqlite {

Status append_change(Connection& c, EntityKind kind, std::int64_t id, bool deleted) {
  return c.execute(
      "INSERT INTO change_log (kind, entity_id, deleted, at) "
      "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
      to_string(kind), id, deleted);
}

namespace {

Result<EntityKind> entity_kind_from(const std::string& text) {
  if (auto kind = entity_kind_from_string(text)) return *kind;
  return fail(ErrorKind::internal, "unknown change-log kind '" + text + "'");
}

}  // namespace

Result<std::vector<Change>> read_changes(Connection& c, std::int64_t after_seq, int limit) {
  if (limit < 1) return fail(ErrorKind::invalid_input, "change-log limit must be positive");
  auto rows = c.query(
      "SELECT seq, kind, entity_id, deleted FROM change_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
      after_seq, limit);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Change> changes;
  auto status = rows->each_row([&](Statement& r) -> Status {
    auto kind = entity_kind_from(r.text(1));
    if (!kind) return std::unexpected(kind.error());
    changes.push_back(Change{r.integer(0), *kind, r.integer(2), r.integer(3) != 0});
    return {};
  });
  if (!status) return std::unexpected(status.error());
  return changes;
}

Result<std::int64_t> read_last_change_seq(Connection& c) {
  return c.single_integer("SELECT COALESCE(MAX(seq), 0) FROM change_log");
}

}  // namespace bdp::sqlite
