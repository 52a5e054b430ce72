#include <string>

#include "store/postgres/tables.h"
#include "store/validate.h"

namespace bdp::pg {
namespace {

Result<bool> exists(Connection& c, const std::string& sql, std::int64_t id) {
  auto rows = c.exec(sql, {param(id)});
  if (!rows) return std::unexpected(rows.error());
  return rows->boolean(0, 0);
}

// Is `ancestor` the section `id` itself or one of its ancestors?
Result<bool> is_ancestor_or_self(Connection& c, std::int64_t ancestor, std::int64_t id) {
  auto rows = c.exec(
      "WITH RECURSIVE up(id, parent_id) AS ("
      "  SELECT id, parent_id FROM sections WHERE id = $2"
      "  UNION SELECT s.id, s.parent_id FROM sections s JOIN up ON s.id = up.parent_id)"
      "SELECT EXISTS (SELECT 1 FROM up WHERE id = $1)",
      {param(ancestor), param(id)});
  if (!rows) return std::unexpected(rows.error());
  return rows->boolean(0, 0);
}

Status check_parent(Connection& c, const Section& section) {
  if (!section.parent_id) return {};
  auto found =
      exists(c, "SELECT EXISTS (SELECT 1 FROM sections WHERE id = $1)", *section.parent_id);
  if (!found) return std::unexpected(found.error());
  if (!*found) {
    return fail(ErrorKind::invalid_input,
                "parent section " + std::to_string(*section.parent_id) + " does not exist");
  }
  if (section.id == 0) return {};
  auto cycle = is_ancestor_or_self(c, section.id, *section.parent_id);
  if (!cycle) return std::unexpected(cycle.error());
  if (*cycle) {
    return fail(ErrorKind::invalid_input,
                "section " + std::to_string(section.id) + " cannot move under its own subsection");
  }
  return {};
}

}  // namespace

Result<std::vector<Section>> read_sections(Connection& c) {
  // Depth-first: each section right after its parent, siblings by position, then id.
  auto rows = c.exec(
      "WITH RECURSIVE tree(id, path) AS ("
      "  SELECT id, lpad(position::text, 10, '0') || '.' || lpad(id::text, 20, '0') "
      "  FROM sections WHERE parent_id IS NULL"
      "  UNION ALL SELECT s.id, tree.path || '/' || lpad(s.position::text, 10, '0') || '.' || "
      "  lpad(s.id::text, 20, '0') FROM sections s JOIN tree ON s.parent_id = tree.id)"
      "SELECT s.id, s.parent_id, s.slug, s.name, s.position, s.legacy_key "
      "FROM sections s JOIN tree ON tree.id = s.id ORDER BY tree.path COLLATE \"C\"");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Section> sections;
  for (int r = 0; r < rows->rows(); ++r) {
    sections.push_back(Section{rows->integer(r, 0), rows->optional_integer(r, 1), rows->text(r, 2),
                               rows->text(r, 3), static_cast<int>(rows->integer(r, 4)),
                               rows->text(r, 5)});
  }
  return sections;
}

Result<std::int64_t> write_section(Connection& c, const Section& section) {
  if (auto status = validate_section(section); !status) return std::unexpected(status.error());
  if (auto status = check_parent(c, section); !status) return std::unexpected(status.error());
  auto id = c.exec(
      "INSERT INTO sections (id, parent_id, slug, name, position, legacy_key) "
      "VALUES (COALESCE($1, nextval(pg_get_serial_sequence('sections', 'id'))), $2, $3, $4, $5, "
      "$6) ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, slug = excluded.slug, "
      "name = excluded.name, position = excluded.position, legacy_key = excluded.legacy_key "
      "RETURNING id",
      {section.id ? param(section.id) : std::nullopt, param(section.parent_id), param(section.slug),
       param(section.name), param(section.position), param(section.legacy_key)});
  if (!id) {
    return fail(id.error().kind, "saving section '" + section.slug + "': " + id.error().message);
  }
  if (section.id != 0) {
    if (auto status = advance_id_sequence(c, "sections"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto status = append_change(c, EntityKind::section, id->integer(0, 0)); !status) {
    return std::unexpected(status.error());
  }
  return id->integer(0, 0);
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> read_section_counts(Connection& c) {
  auto rows = c.exec(
      "SELECT ps.section_id, COUNT(*) FROM practice_sections ps "
      "JOIN practices p ON p.id = ps.practice_id WHERE p.status = 'published' "
      "GROUP BY ps.section_id ORDER BY ps.section_id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  for (int r = 0; r < rows->rows(); ++r)
    counts.emplace_back(rows->integer(r, 0), rows->integer(r, 1));
  return counts;
}

}  // namespace bdp::pg
