#include <map>
#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kUnitColumns =
    "SELECT id, slug, name, type, town, county, voivodeship, teryt, latitude, longitude "
    "FROM units ";

Unit unit_from(const Rows& rows, int r) {
  Unit unit;
  unit.id = rows.integer(r, 0);
  unit.slug = rows.text(r, 1);
  unit.name = rows.text(r, 2);
  unit.type = rows.text(r, 3);
  unit.town = rows.text(r, 4);
  unit.county = rows.text(r, 5);
  unit.voivodeship = rows.text(r, 6);
  unit.teryt = rows.text(r, 7);
  unit.latitude = rows.optional_real(r, 8);
  unit.longitude = rows.optional_real(r, 9);
  return unit;
}

// Units chosen by `where` (appended to kUnitColumns), each with its population series: two
// queries whatever the number of units.
Result<std::vector<Unit>> select_units(Connection& c, std::string_view where,
                                       std::initializer_list<Value> params) {
  auto rows = c.exec(std::string(kUnitColumns) + std::string(where), params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Unit> units;
  units.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) units.push_back(unit_from(*rows, r));
  if (units.empty()) return units;

  std::map<std::int64_t, Unit*> by_id;
  IdList ids;
  for (auto& unit : units) {
    by_id[unit.id] = &unit;
    ids.ids.push_back(unit.id);
  }
  auto figures = c.exec("SELECT unit_id, year, count FROM unit_population WHERE " +
                            c.dialect().in_ids("unit_id", 1) + " ORDER BY unit_id, year",
                        {value(ids)});
  if (!figures) return std::unexpected(figures.error());
  for (int r = 0; r < figures->size(); ++r) {
    by_id[figures->integer(r, 0)]->population.push_back(
        PopulationFigure{static_cast<int>(figures->integer(r, 1)), figures->integer(r, 2)});
  }
  return units;
}

Result<Unit> single_unit(Result<std::vector<Unit>> units, const std::string& what) {
  if (!units) return std::unexpected(units.error());
  if (units->empty()) return fail(ErrorKind::not_found, "no unit " + what);
  return std::move(units->front());
}

}  // namespace

Result<Unit> read_unit(Connection& c, std::int64_t id) {
  return single_unit(select_units(c, "WHERE id = $1", {value(id)}), std::to_string(id));
}

Result<Unit> read_unit_by_slug(Connection& c, const std::string& slug) {
  return single_unit(select_units(c, "WHERE slug = $1", {value(slug)}), "'" + slug + "'");
}

Result<std::vector<Unit>> read_units(Connection& c) {
  return select_units(c, "ORDER BY id", {});
}

Result<std::int64_t> write_unit(Connection& c, const Unit& unit) {
  if (auto status = validate_unit(unit); !status) return std::unexpected(status.error());
  auto old_slug = read_stored_slug(c, "units", unit.id);
  if (!old_slug) return std::unexpected(old_slug.error());
  auto id = c.single_integer(
      "INSERT INTO units (id, slug, name, type, town, county, voivodeship, teryt, latitude, "
      "longitude) VALUES (" +
          c.dialect().new_id("units", 1) +
          ", $2, $3, $4, $5, $6, $7, $8, $9, $10) "
          "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, "
          "type = excluded.type, town = excluded.town, county = excluded.county, "
          "voivodeship = excluded.voivodeship, teryt = excluded.teryt, "
          "latitude = excluded.latitude, longitude = excluded.longitude RETURNING id",
      {value(unit.id ? std::optional(unit.id) : std::nullopt), value(unit.slug), value(unit.name),
       value(unit.type), value(unit.town), value(unit.county), value(unit.voivodeship),
       value(unit.teryt), value(unit.latitude), value(unit.longitude)});
  if (!id) return fail(id.error().kind, "saving unit '" + unit.slug + "': " + id.error().message);
  if (unit.id != 0) {
    if (auto status = advance_id_sequence(c, "units"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto cleared = c.run("DELETE FROM unit_population WHERE unit_id = $1", {value(*id)});
      !cleared) {
    return std::unexpected(cleared.error());
  }
  std::vector<Value> figures;
  for (const auto& figure : unit.population) {
    figures.insert(figures.end(), {value(*id), value(figure.year), value(figure.count)});
  }
  if (auto added = insert_rows(c, "unit_population", "unit_id, year, count", 3, figures); !added) {
    return std::unexpected(added.error());
  }
  if (auto retired = retire_slug(c, EntityKind::unit, *id, *old_slug, unit.slug); !retired) {
    return std::unexpected(retired.error());
  }
  if (auto status = append_change(c, EntityKind::unit, *id, false); !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

}  // namespace bdp::sql
