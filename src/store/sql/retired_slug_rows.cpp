#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

Status check_kind(EntityKind kind) {
  if (kind == EntityKind::unit || kind == EntityKind::section) return {};
  return fail(ErrorKind::invalid_input,
              std::string("no old addresses are kept for a ") + to_string(kind));
}

}  // namespace

Result<std::optional<std::string>> read_stored_slug(Connection& c, std::string_view table,
                                                    std::int64_t id) {
  if (id == 0) return std::nullopt;
  auto rows = c.exec("SELECT slug FROM " + std::string(table) + " WHERE id = $1", {value(id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::nullopt;
  return rows->text(0, 0);
}

Status retire_slug(Connection& c, EntityKind kind, std::int64_t id,
                   const std::optional<std::string>& old_slug, const std::string& new_slug) {
  if (auto checked = check_kind(kind); !checked) return checked;
  if (auto revived = c.run("DELETE FROM retired_slugs WHERE kind = $1 AND slug = $2",
                           {value(to_string(kind)), value(new_slug)});
      !revived) {
    return revived;
  }
  if (!old_slug || *old_slug == new_slug) return {};
  return c.run(
      "INSERT INTO retired_slugs (kind, slug, target_id) VALUES ($1, $2, $3) "
      "ON CONFLICT (kind, slug) DO UPDATE SET target_id = excluded.target_id",
      {value(to_string(kind)), value(*old_slug), value(id)});
}

Status repoint_retired_slugs(Connection& c, EntityKind kind, std::int64_t from, std::int64_t to) {
  if (auto checked = check_kind(kind); !checked) return checked;
  return c.run("UPDATE retired_slugs SET target_id = $3 WHERE kind = $1 AND target_id = $2",
               {value(to_string(kind)), value(from), value(to)});
}

Status forget_retired_slugs(Connection& c, EntityKind kind, std::int64_t id) {
  if (auto checked = check_kind(kind); !checked) return checked;
  return c.run("DELETE FROM retired_slugs WHERE kind = $1 AND target_id = $2",
               {value(to_string(kind)), value(id)});
}

Result<std::int64_t> read_retired_slug(Connection& c, EntityKind kind, const std::string& slug) {
  if (auto checked = check_kind(kind); !checked) return std::unexpected(checked.error());
  auto rows = c.exec("SELECT target_id FROM retired_slugs WHERE kind = $1 AND slug = $2",
                     {value(to_string(kind)), value(slug)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) {
    return fail(ErrorKind::not_found,
                std::string("no retired ") + to_string(kind) + " slug '" + slug + "'");
  }
  return rows->integer(0, 0);
}

}  // namespace bdp::sql
