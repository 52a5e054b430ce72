#include <string>

#include "store/postgres/tables.h"

namespace bdp::pg {

Status append_change(Connection& c, EntityKind kind, std::int64_t id, bool deleted) {
  auto inserted = c.exec("INSERT INTO change_log (kind, entity_id, deleted) VALUES ($1, $2, $3)",
                         {param(std::string(to_string(kind))), param(id), param(deleted)});
  if (!inserted) return std::unexpected(inserted.error());
  return {};
}

namespace {

Result<EntityKind> entity_kind_from(const std::string& text) {
  if (auto kind = entity_kind_from_string(text)) return *kind;
  return fail(ErrorKind::internal, "unknown change-log kind '" + text + "'");
}

}  // namespace

Result<std::vector<Change>> read_changes(Connection& c, std::int64_t after_seq, int limit) {
  if (limit < 1) return fail(ErrorKind::invalid_input, "change-log limit must be positive");
  auto rows = c.exec(
      "SELECT seq, kind, entity_id, deleted FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2",
      {param(after_seq), param(limit)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Change> changes;
  for (int r = 0; r < rows->rows(); ++r) {
    auto kind = entity_kind_from(rows->text(r, 1));
    if (!kind) return std::unexpected(kind.error());
    changes.push_back(Change{rows->integer(r, 0), *kind, rows->integer(r, 2), rows->boolean(r, 3)});
  }
  return changes;
}

Result<std::int64_t> read_last_change_seq(Connection& c) {
  auto rows = c.exec("SELECT COALESCE(MAX(seq), 0) FROM change_log");
  if (!rows) return std::unexpected(rows.error());
  return rows->integer(0, 0);
}

Status advance_id_sequence(Connection& c, const char* table) {
  // setval(…, max) makes the next nextval max + 1; with an empty table the sequence stays put.
  auto moved = c.exec(
      "SELECT setval(pg_get_serial_sequence($1, 'id'), m) FROM "
      "(SELECT MAX(id) AS m FROM " +
          std::string(table) + ") t WHERE m IS NOT NULL",
      {param(std::string(table))});
  if (!moved) return std::unexpected(moved.error());
  return {};
}

}  // namespace bdp::pg
