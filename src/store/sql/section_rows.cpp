#include <algorithm>
#include <map>
#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

// Is `ancestor` the section `id` itself or one of its ancestors?
Result<bool> is_ancestor_or_self(Connection& c, std::int64_t ancestor, std::int64_t id) {
  auto found = c.exec(
      "WITH RECURSIVE up(id, parent_id) AS ("
      "  SELECT id, parent_id FROM sections WHERE id = $2"
      "  UNION SELECT s.id, s.parent_id FROM sections s JOIN up ON s.id = up.parent_id)"
      "SELECT EXISTS (SELECT 1 FROM up WHERE id = $1)",
      {value(ancestor), value(id)});
  if (!found) return std::unexpected(found.error());
  return found->boolean(0, 0);
}

Status check_parent(Connection& c, const Section& section) {
  if (!section.parent_id) return {};
  auto exists =
      c.exec("SELECT EXISTS (SELECT 1 FROM sections WHERE id = $1)", {value(*section.parent_id)});
  if (!exists) return std::unexpected(exists.error());
  if (!exists->boolean(0, 0)) {
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

// Depth-first: each section right after its parent, siblings by position, then id. `sorted`
// holds every section by (position, id); sections whose parent is missing are not reached.
void depth_first(const std::multimap<std::optional<std::int64_t>, const Section*>& children,
                 std::optional<std::int64_t> parent, std::vector<Section>& out) {
  auto [from, to] = children.equal_range(parent);
  for (auto it = from; it != to; ++it) {
    out.push_back(*it->second);
    depth_first(children, it->second->id, out);
  }
}

// The practices filed in the section or its subsections (any state): what a rename touches.
Result<std::vector<EntityRef>> practices_under(Connection& c, std::int64_t section_id) {
  auto subtree = read_section_subtree(c, section_id);
  if (!subtree) return std::unexpected(subtree.error());
  auto rows = c.exec("SELECT DISTINCT practice_id FROM practice_sections WHERE " +
                         c.dialect().in_ids("section_id", 1) + " ORDER BY practice_id",
                     {value(IdList{*subtree})});
  if (!rows) return std::unexpected(rows.error());
  std::vector<EntityRef> related;
  related.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r)
    related.push_back({EntityKind::practice, rows->integer(r, 0)});
  return related;
}

}  // namespace

Result<std::vector<Section>> read_sections(Connection& c) {
  auto rows = c.exec(
      "SELECT id, parent_id, slug, name, position, legacy_key FROM sections ORDER BY position, id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Section> all;
  all.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    all.push_back(Section{rows->integer(r, 0), rows->optional_integer(r, 1), rows->text(r, 2),
                          rows->text(r, 3), static_cast<int>(rows->integer(r, 4)),
                          rows->text(r, 5)});
  }
  std::multimap<std::optional<std::int64_t>, const Section*> children;
  for (const auto& section : all) children.emplace(section.parent_id, &section);
  std::vector<Section> sections;
  sections.reserve(all.size());
  depth_first(children, std::nullopt, sections);
  return sections;
}

Result<std::vector<std::int64_t>> read_section_subtree(Connection& c, std::int64_t section_id) {
  auto rows = c.exec(
      "WITH RECURSIVE tree(id) AS (SELECT id FROM sections WHERE id = $1 "
      "UNION SELECT s.id FROM sections s JOIN tree ON s.parent_id = tree.id) SELECT id FROM tree",
      {value(section_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) ids.push_back(rows->integer(r, 0));
  if (ids.empty()) return fail(ErrorKind::not_found, "no section " + std::to_string(section_id));
  return ids;
}

Result<std::int64_t> write_section(Connection& c, const Section& section) {
  if (auto status = validate_section(section); !status) return std::unexpected(status.error());
  if (auto status = check_parent(c, section); !status) return std::unexpected(status.error());
  auto old_slug = read_stored_slug(c, "sections", section.id);
  if (!old_slug) return std::unexpected(old_slug.error());
  auto id = c.single_integer(
      "INSERT INTO sections (id, parent_id, slug, name, position, legacy_key) VALUES (" +
          c.dialect().new_id("sections", 1) +
          ", $2, $3, $4, $5, $6) "
          "ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, slug = excluded.slug, "
          "name = excluded.name, position = excluded.position, legacy_key = excluded.legacy_key "
          "RETURNING id",
      {value(section.id ? std::optional(section.id) : std::nullopt), value(section.parent_id),
       value(section.slug), value(section.name), value(section.position),
       value(section.legacy_key)});
  if (!id) {
    return fail(id.error().kind, "saving section '" + section.slug + "': " + id.error().message);
  }
  if (section.id != 0) {
    if (auto status = advance_id_sequence(c, "sections"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto retired = retire_slug(c, EntityKind::section, *id, *old_slug, section.slug); !retired) {
    return std::unexpected(retired.error());
  }
  auto related = practices_under(c, *id);
  if (!related) return std::unexpected(related.error());
  if (auto status = append_change(c, EntityKind::section, *id, false, *related); !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> read_section_counts(Connection& c) {
  auto rows = c.exec(
      "SELECT ps.section_id, COUNT(*) FROM practice_sections ps "
      "JOIN practices p ON p.id = ps.practice_id WHERE p.status = 'published' "
      "GROUP BY ps.section_id ORDER BY ps.section_id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  counts.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r)
    counts.emplace_back(rows->integer(r, 0), rows->integer(r, 1));
  return counts;
}

}  // namespace bdp::sql
