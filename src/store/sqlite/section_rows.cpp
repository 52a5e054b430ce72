#include <string>

#include "store/sqlite/tables.h"
#include "store/validate.h"

namespace bdp::sqlite {
namespace {

// Is `ancestor` the section `id` itself or one of its ancestors?
Result<bool> is_ancestor_or_self(Connection& c, std::int64_t ancestor, std::int64_t id) {
  auto found = c.single_integer(
      "WITH RECURSIVE up(id, parent_id) AS ("
      "  SELECT id, parent_id FROM sections WHERE id = ?2"
      "  UNION SELECT s.id, s.parent_id FROM sections s JOIN up ON s.id = up.parent_id)"
      "SELECT EXISTS (SELECT 1 FROM up WHERE id = ?1)",
      ancestor, id);
  if (!found) return std::unexpected(found.error());
  return *found != 0;
}

Status check_parent(Connection& c, const Section& section) {
  if (!section.parent_id) return {};
  auto exists =
      c.single_integer("SELECT EXISTS (SELECT 1 FROM sections WHERE id = ?1)", *section.parent_id);
  if (!exists) return std::unexpected(exists.error());
  if (!*exists) {
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
  auto rows = c.query(
      "WITH RECURSIVE tree(id, path) AS ("
      "  SELECT id, printf('%010d.%020d', position, id) FROM sections WHERE parent_id IS NULL"
      "  UNION ALL SELECT s.id, tree.path || '/' || printf('%010d.%020d', s.position, s.id)"
      "  FROM sections s JOIN tree ON s.parent_id = tree.id)"
      "SELECT s.id, s.parent_id, s.slug, s.name, s.position, s.legacy_key "
      "FROM sections s JOIN tree ON tree.id = s.id ORDER BY tree.path");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Section> sections;
  auto status = rows->each_row([&](Statement& r) {
    sections.push_back(Section{r.integer(0), r.optional_integer(1), r.text(2), r.text(3),
                               static_cast<int>(r.integer(4)), r.text(5)});
  });
  if (!status) return std::unexpected(status.error());
  return sections;
}

Result<std::int64_t> write_section(Connection& c, const Section& section) {
  if (auto status = validate_section(section); !status) return std::unexpected(status.error());
  if (auto status = check_parent(c, section); !status) return std::unexpected(status.error());
  auto id = c.single_integer(
      "INSERT INTO sections (id, parent_id, slug, name, position, legacy_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, slug = excluded.slug, "
      "name = excluded.name, position = excluded.position, legacy_key = excluded.legacy_key "
      "RETURNING id",
      section.id ? std::optional(section.id) : std::nullopt, section.parent_id, section.slug,
      section.name, section.position, section.legacy_key);
  if (!id) {
    return fail(id.error().kind, "saving section '" + section.slug + "': " + id.error().message);
  }
  if (auto status = append_change(c, EntityKind::section, *id); !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> read_section_counts(Connection& c) {
  auto rows = c.query(
      "SELECT ps.section_id, COUNT(*) FROM practice_sections ps "
      "JOIN practices p ON p.id = ps.practice_id WHERE p.status = 'published' "
      "GROUP BY ps.section_id ORDER BY ps.section_id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  auto status =
      rows->each_row([&](Statement& r) { counts.emplace_back(r.integer(0), r.integer(1)); });
  if (!status) return std::unexpected(status.error());
  return counts;
}

}  // namespace bdp::sqlite
