// Adoptions ("Zastosowaliśmy to u nas") and their change-log entries.
#include <algorithm>
#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, practice_id, unit_id, adopting_practice_id, kind, year, changes, contact_name, "
    "contact_email, status, created_on FROM adoptions ";

Adoption adoption_from(Rows& rows, int r) {
  Adoption a;
  a.id = rows.integer(r, 0);
  a.practice_id = rows.integer(r, 1);
  a.unit_id = rows.integer(r, 2);
  a.adopting_practice_id = rows.integer(r, 3);
  a.kind = adoption_kind_from_string(rows.text(r, 4)).value_or(AdoptionKind::adopted);
  a.year = static_cast<int>(rows.integer(r, 5));
  a.changes = rows.take_text(r, 6);
  a.contact_name = rows.take_text(r, 7);
  a.contact_email = rows.take_text(r, 8);
  a.status = adoption_status_from_string(rows.text(r, 9)).value_or(AdoptionStatus::pending);
  a.created_on = rows.take_text(r, 10);
  return a;
}

Result<std::vector<Adoption>> adoptions_where(Connection& c, const std::string& where,
                                              std::vector<Value> params) {
  auto rows = c.exec(std::string(kColumns) + where, std::move(params));
  if (!rows) return std::unexpected(rows.error());
  std::vector<Adoption> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) out.push_back(adoption_from(*rows, r));
  return out;
}

Status check_exists(Connection& c, std::string_view table, std::int64_t id,
                    const std::string& what) {
  auto found =
      c.exec("SELECT EXISTS (SELECT 1 FROM " + std::string(table) + " WHERE id = $1)", {value(id)});
  if (!found) return std::unexpected(found.error());
  if (!found->boolean(0, 0)) {
    return fail(ErrorKind::invalid_input, what + " " + std::to_string(id) + " does not exist");
  }
  return {};
}

// The entities an adoption's change concerns, each once: its practices and unit, before and
// after.
std::vector<EntityRef> concerned(const std::optional<Adoption>& before, const Adoption& after) {
  std::vector<EntityRef> refs;
  const auto add = [&](EntityKind kind, std::int64_t id) {
    const EntityRef ref{kind, id};
    if (id > 0 && std::ranges::find(refs, ref) == refs.end()) refs.push_back(ref);
  };
  for (const Adoption* a : {before ? &*before : nullptr, &after}) {
    if (!a) continue;
    add(EntityKind::practice, a->practice_id);
    add(EntityKind::practice, a->adopting_practice_id);
    add(EntityKind::unit, a->unit_id);
  }
  return refs;
}

}  // namespace

Result<Adoption> read_adoption(Connection& c, std::int64_t id) {
  auto found = adoptions_where(c, "WHERE id = $1", {value(id)});
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return fail(ErrorKind::not_found, "no adoption " + std::to_string(id));
  return std::move(found->front());
}

Result<std::vector<Adoption>> read_adoptions_of(Connection& c, std::int64_t practice_id) {
  return adoptions_where(c, "WHERE practice_id = $1 OR adopting_practice_id = $1 ORDER BY year, id",
                         {value(practice_id)});
}

Result<std::vector<Adoption>> read_adoptions_in(Connection& c, AdoptionStatus status) {
  return adoptions_where(c, "WHERE status = $1 ORDER BY id", {value(to_string(status))});
}

Result<std::vector<Adoption>> read_all_adoptions(Connection& c) {
  return adoptions_where(c, "ORDER BY id", {});
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> read_adoption_counts(Connection& c) {
  auto rows = c.exec(
      "SELECT practice_id, COUNT(DISTINCT unit_id) FROM adoptions WHERE status = 'published' "
      "GROUP BY practice_id ORDER BY practice_id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) out.emplace_back(rows->integer(r, 0), rows->integer(r, 1));
  return out;
}

Result<std::int64_t> write_adoption(Connection& c, const Adoption& a) {
  if (auto status = validate_adoption(a); !status) return std::unexpected(status.error());
  if (auto s = check_exists(c, "practices", a.practice_id, "practice"); !s) {
    return std::unexpected(s.error());
  }
  if (auto s = check_exists(c, "units", a.unit_id, "unit"); !s) return std::unexpected(s.error());
  if (a.adopting_practice_id != 0) {
    if (auto s = check_exists(c, "practices", a.adopting_practice_id, "practice"); !s) {
      return std::unexpected(s.error());
    }
  }
  std::optional<Adoption> before;
  if (a.id != 0) {
    auto stored = read_adoption(c, a.id);
    if (stored) {
      before = std::move(*stored);
    } else if (stored.error().kind != ErrorKind::not_found) {
      return std::unexpected(stored.error());
    }
  }
  auto id = c.single_integer(
      "INSERT INTO adoptions (id, practice_id, unit_id, adopting_practice_id, kind, year, "
      "changes, contact_name, contact_email, status, created_on) VALUES (" +
          c.dialect().new_id("adoptions", 1) +
          ", $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
          "ON CONFLICT (id) DO UPDATE SET practice_id = excluded.practice_id, "
          "unit_id = excluded.unit_id, adopting_practice_id = excluded.adopting_practice_id, "
          "kind = excluded.kind, year = excluded.year, changes = excluded.changes, "
          "contact_name = excluded.contact_name, contact_email = excluded.contact_email, "
          "status = excluded.status, created_on = excluded.created_on RETURNING id",
      {value(a.id ? std::optional(a.id) : std::nullopt), value(a.practice_id), value(a.unit_id),
       value(a.adopting_practice_id ? std::optional(a.adopting_practice_id) : std::nullopt),
       value(to_string(a.kind)), value(a.year), value(a.changes), value(a.contact_name),
       value(a.contact_email), value(to_string(a.status)), value(a.created_on)});
  if (!id) return fail(id.error().kind, "saving an adoption: " + id.error().message);
  if (a.id != 0 && !before) {
    if (auto status = advance_id_sequence(c, "adoptions"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto status = append_change(c, EntityKind::adoption, *id, false, concerned(before, a));
      !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

Status release_adoptions(Connection& c, std::int64_t practice_id) {
  if (auto s = c.run("DELETE FROM adoptions WHERE practice_id = $1", {value(practice_id)}); !s) {
    return s;
  }
  return c.run("UPDATE adoptions SET adopting_practice_id = NULL WHERE adopting_practice_id = $1",
               {value(practice_id)});
}

}  // namespace bdp::sql
