// `bdp unit without-place | set-place`: where units are on the map. A unit's place is resolved
// from the gazetteer when shown (geo/place_resolution.h); only coordinates set by hand are
// stored (the unit's latitude and longitude), until the back office can set them.
#include <fmt/format.h>

#include <optional>

#include "cli/commands.h"
#include "cli/resources.h"
#include "cli/store_option.h"
#include "geo/place_resolution.h"

namespace bdp::cli {
namespace {

std::optional<geo::Gazetteer> load_gazetteer(const std::string& path, const char* command) {
  auto gazetteer = geo::Gazetteer::load(path);
  if (!gazetteer) {
    fmt::print(stderr, "bdp unit {}: {}\n", command, gazetteer.error().message);
    return std::nullopt;
  }
  return std::move(*gazetteer);
}

// One line per unit placed only at a centre or not at all: slug, voivodeship, town, how it is
// placed now (county_centre, voivodeship_centre, unknown) and where.
int units_without_place(const std::string& database, const std::string& gazetteer_path) {
  auto gazetteer = load_gazetteer(gazetteer_path, "without-place");
  if (!gazetteer) return 1;
  auto store = open_migrated_store(database);
  if (!store) return 1;
  auto units = store->units();
  if (!units) {
    fmt::print(stderr, "bdp unit without-place: {}\n", units.error().message);
    return 1;
  }
  for (const auto& unit : *units) {
    const auto place = geo::resolve_place(unit, *gazetteer);
    if (!place.approximate()) continue;
    fmt::print("{}\t{}\t{}\t{}\t{}\n", unit.slug, unit.voivodeship, unit.town,
               geo::to_string(place.source), place.label);
  }
  return 0;
}

int set_place(const std::string& database, const std::string& slug, std::optional<double> latitude,
              std::optional<double> longitude) {
  auto store = open_migrated_store(database);
  if (!store) return 1;
  auto unit = store->unit_by_slug(slug);
  if (!unit) {
    fmt::print(stderr, "bdp unit set-place: {}\n", unit.error().message);
    return 1;
  }
  unit->latitude = latitude;
  unit->longitude = longitude;
  if (auto saved = store->save_unit(*unit); !saved) {
    fmt::print(stderr, "bdp unit set-place: {}; nothing was changed\n", saved.error().message);
    return 1;
  }
  if (latitude) {
    fmt::print("{}: {}, {} (set by hand)\n", slug, *latitude, *longitude);
  } else {
    fmt::print("{}: placed from the gazetteer again\n", slug);
  }
  return 0;
}

}  // namespace

Command add_unit(CLI::App& app) {
  struct Options {
    std::string database, gazetteer = "data/gazetteer.json", slug;
    std::optional<double> latitude, longitude;
    bool clear = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("unit", "Where units are on the map");
  cmd->require_subcommand(1);
  auto* without = cmd->add_subcommand(
      "without-place",
      "List units the gazetteer places only at their county's or voivodeship's centre, or not "
      "at all: slug, voivodeship, town, source, label (tab-separated)");
  add_database_option(*without, o->database);
  without->add_option("--gazetteer", o->gazetteer, "The gazetteer (scripts/gazetteer.mjs)")
      ->capture_default_str();
  auto* set = cmd->add_subcommand(
      "set-place", "Set a unit's coordinates by hand (WGS 84 degrees), or --clear them");
  add_database_option(*set, o->database);
  set->add_option("--slug", o->slug, "The unit's slug (/jednostki/<slug>)")->required();
  auto* lat = set->add_option("--lat", o->latitude, "Latitude, degrees north");
  auto* lon = set->add_option("--lon", o->longitude, "Longitude, degrees east");
  auto* clear = set->add_flag("--clear", o->clear, "Forget them: the gazetteer places it again");
  lat->needs(lon);
  lon->needs(lat);
  clear->excludes(lat)->excludes(lon);
  return [o, without] {
    if (without->parsed()) return units_without_place(o->database, resource_path(o->gazetteer));
    if (!o->clear && !o->latitude) {
      fmt::print(stderr, "bdp unit set-place: give --lat and --lon, or --clear\n");
      return 2;
    }
    return set_place(o->database, o->slug, o->latitude, o->longitude);
  };
}

}  // namespace bdp::cli
