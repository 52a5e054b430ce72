#include "store/sql/document_tables.h"
#include "store/sql/tables.h"

namespace bdp::sql {

Status write_unit_merge(Connection& c, std::int64_t from, std::int64_t into,
                        const RevisionNote& note) {
  if (from == into) {
    return fail(ErrorKind::invalid_input,
                "unit " + std::to_string(from) + " cannot be merged into itself");
  }
  auto source = read_unit(c, from);
  if (!source) return std::unexpected(source.error());
  if (auto target = read_unit(c, into); !target) return std::unexpected(target.error());

  // Each practice through its own save: a revision, and a change naming both units.
  auto practices =
      c.integers("SELECT id FROM practices WHERE unit_id = $1 ORDER BY id", {value(from)});
  if (!practices) return std::unexpected(practices.error());
  for (auto id : *practices) {
    auto practice = read_practice(c, id);
    if (!practice) return std::unexpected(practice.error());
    practice->unit_id = into;
    if (auto saved = write_practice(c, *practice, Stamp::now, note); !saved) {
      return std::unexpected(saved.error());
    }
  }
  // A pending revision (model/revision.h) naming the duplicate names the unit that stays.
  auto pending = read_pending_contents(c);
  if (!pending) return std::unexpected(pending.error());
  for (auto& content : *pending) {
    if (content.unit_id != from) continue;
    content.unit_id = into;
    if (auto moved = repropose(c, content, note); !moved) return moved;
  }
  auto adoptions =
      c.integers("SELECT id FROM adoptions WHERE unit_id = $1 ORDER BY id", {value(from)});
  if (!adoptions) return std::unexpected(adoptions.error());
  for (auto id : *adoptions) {
    auto adoption = read_adoption(c, id);
    if (!adoption) return std::unexpected(adoption.error());
    adoption->unit_id = into;
    if (auto saved = write_adoption(c, *adoption); !saved) return std::unexpected(saved.error());
  }
  auto documents =
      c.integers("SELECT document_id FROM document_units WHERE unit_id = $1 ORDER BY document_id",
                 {value(from)});
  if (!documents) return std::unexpected(documents.error());
  if (auto moved = c.run(
          "INSERT INTO document_units (document_id, unit_id) "
          "SELECT document_id, $2 FROM document_units WHERE unit_id = $1 ON CONFLICT DO NOTHING",
          {value(from), value(into)});
      !moved) {
    return moved;
  }
  if (auto left = c.run("DELETE FROM document_units WHERE unit_id = $1", {value(from)}); !left) {
    return left;
  }
  for (auto id : *documents) {
    if (auto logged = append_document_change(c, id); !logged) return logged;
  }

  if (auto figures = c.run("DELETE FROM unit_population WHERE unit_id = $1", {value(from)});
      !figures) {
    return figures;
  }
  if (auto deleted = c.run("DELETE FROM units WHERE id = $1", {value(from)}); !deleted) {
    return deleted;
  }
  if (auto repointed = repoint_retired_slugs(c, EntityKind::unit, from, into); !repointed) {
    return repointed;
  }
  auto live = read_stored_slug(c, "units", into);
  if (!live) return std::unexpected(live.error());
  if (auto retired = retire_slug(c, EntityKind::unit, into, source->slug, live->value_or(""));
      !retired) {
    return retired;
  }
  if (auto logged = append_change(c, EntityKind::unit, from, true); !logged) return logged;
  return append_change(c, EntityKind::unit, into, false);
}

}  // namespace bdp::sql
