#include <map>
#include <string>

#include "store/sqlite/tables.h"
#include "store/validate.h"

namespace bdp::sqlite {
namespace {

constexpr std::string_view kUnitColumns =
    "SELECT id, slug, name, type, town, county, voivodeship, teryt, latitude, longitude "
    "FROM units ";

// Units chosen by `where` (appended to kUnitColumns), each with its population series: two
// queries whatever the number of units.
template <class... Args>
Result<std::vector<Unit>> select_units(Connection& c, std::string_view where, const Args&... args) {
  auto rows = c.query(std::string(kUnitColumns) + std::string(where), args...);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Unit> units;
  auto status = rows->each_row([&](Statement& r) {
    Unit unit;
    unit.id = r.integer(0);
    unit.slug = r.text(1);
    unit.name = r.text(2);
    unit.type = r.text(3);
    unit.town = r.text(4);
    unit.county = r.text(5);
    unit.voivodeship = r.text(6);
    unit.teryt = r.text(7);
    unit.latitude = r.optional_real(8);
    unit.longitude = r.optional_real(9);
    units.push_back(std::move(unit));
  });
  if (!status) return std::unexpected(status.error());
  if (units.empty()) return units;

  std::map<std::int64_t, Unit*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& unit : units) {
    by_id[unit.id] = &unit;
    ids.push_back(unit.id);
  }
  auto figures = c.query(
      "SELECT unit_id, year, count FROM unit_population "
      "WHERE unit_id IN (SELECT value FROM json_each(?1)) ORDER BY unit_id, year");
  if (!figures) return std::unexpected(figures.error());
  figures->bind_ids(1, ids);
  status = figures->each_row([&](Statement& r) {
    by_id[r.integer(0)]->population.push_back(
        PopulationFigure{static_cast<int>(r.integer(1)), r.integer(2)});
  });
  if (!status) return std::unexpected(status.error());
  return units;
}

Result<Unit> single_unit(Result<std::vector<Unit>> units, const std::string& what) {
  if (!units) return std::unexpected(units.error());
  if (units->empty()) return fail(ErrorKind::not_found, "no unit " + what);
  return std::move(units->front());
}

}  // namespace

Result<Unit> read_unit(Connection& c, std::int64_t id) {
  return single_unit(select_units(c, "WHERE id = ?1", id), std::to_string(id));
}

Result<Unit> read_unit_by_slug(Connection& c, const std::string& slug) {
  return single_unit(select_units(c, "WHERE slug = ?1", slug), "'" + slug + "'");
}

Result<std::vector<Unit>> read_units(Connection& c) {
  return select_units(c, "ORDER BY id");
}

Result<std::int64_t> write_unit(Connection& c, const Unit& unit) {
  if (auto status = validate_unit(unit); !status) return std::unexpected(status.error());
  auto id = c.single_integer(
      "INSERT INTO units (id, slug, name, type, town, county, voivodeship, teryt, latitude, "
      "longitude) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, "
      "type = excluded.type, town = excluded.town, county = excluded.county, "
      "voivodeship = excluded.voivodeship, teryt = excluded.teryt, latitude = excluded.latitude, "
      "longitude = excluded.longitude RETURNING id",
      unit.id ? std::optional(unit.id) : std::nullopt, unit.slug, unit.name, unit.type, unit.town,
      unit.county, unit.voivodeship, unit.teryt, unit.latitude, unit.longitude);
  if (!id) return fail(id.error().kind, "saving unit '" + unit.slug + "': " + id.error().message);
  auto cleared = c.execute("DELETE FROM unit_population WHERE unit_id = ?1", *id);
  if (!cleared) return std::unexpected(cleared.error());
  for (const auto& figure : unit.population) {
    auto added = c.execute("INSERT INTO unit_population (unit_id, year, count) VALUES (?1, ?2, ?3)",
                           *id, figure.year, figure.count);
    if (!added) return std::unexpected(added.error());
  }
  if (auto status = append_change(c, EntityKind::unit, *id); !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

}  // namespace bdp::sqlite
