// /mapa: the map drawn on the server and the list beside it, both from the same groups
// (voivodeship → county → town), so the page is whole without JavaScript. Its markers are
// clustered as the interactive map's are; a large selection lists units, not every title.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/slug.h"
#include "geo/grid_clusters.h"
#include "geo/svg_map.h"
#include "web/views/facet_data.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// Up to this many practices the list names each; beyond, each unit with its count.
constexpr std::size_t kListedTitles = 300;

struct TownGroup {
  std::string name, anchor;
  const geo::ResolvedPlace* place = nullptr;  // of its first practice
  std::vector<const MapPractice*> practices;
};
// Keys sort by the folded name, close to Polish order, with the name itself to keep them apart.
using Towns = std::map<std::string, TownGroup>;
using Counties = std::map<std::string, std::pair<std::string, Towns>>;
using Voivodeships = std::map<std::string, std::pair<std::string, Counties>>;

std::string sort_key(const std::string& name) {
  return slugify(name, 200) + '\x01' + name;
}

Voivodeships group(const std::vector<const MapPractice*>& practices, i18n::Lang lang) {
  Voivodeships out;
  for (const MapPractice* p : practices) {
    const std::string voivodeship =
        p->voivodeship.empty() ? std::string(i18n::tr(lang, "map.no_voivodeship")) : p->voivodeship;
    const std::string county =
        p->county.empty() ? std::string(i18n::tr(lang, "map.no_county")) : "powiat " + p->county;
    const std::string town = p->town.empty() ? p->unit_name : p->town;
    auto& [v_name, counties] = out[sort_key(voivodeship)];
    v_name = voivodeship;
    auto& [c_name, towns] = counties[sort_key(county)];
    c_name = county;
    TownGroup& t = towns[sort_key(town)];
    if (t.practices.empty()) {
      t.name = town;
      t.anchor = "m-" + slugify(p->voivodeship + " " + p->county + " " + town, 200);
      t.place = &p->place;
    }
    t.practices.push_back(p);
  }
  return out;
}

std::string practices_text(i18n::Lang lang, std::size_t n) {
  return i18n::count_noun(lang, static_cast<std::int64_t>(n), "practice");
}

// The towns with a place, in the order of the groups.
std::vector<const TownGroup*> placed_towns(const Voivodeships& groups) {
  std::vector<const TownGroup*> out;
  for (const auto& [vk, voivodeship] : groups) {
    for (const auto& [ck, county] : voivodeship.second) {
      for (const auto& [tk, town] : county.second) {
        if (town.place->point) out.push_back(&town);
      }
    }
  }
  return out;
}

// One marker per cell of a grid about kSvgCellPixels wide on the 600-unit map, as the
// interactive map clusters: towns nearer than that would cover each other. A marker links to the
// list entry of its cell's town with the most practices.
constexpr int kSvgZoom = 6;
constexpr double kSvgCellPixels = 24;

std::vector<geo::SvgMarker> markers(const Voivodeships& groups, i18n::Lang lang) {
  const auto towns = placed_towns(groups);
  std::vector<geo::LonLat> points;
  points.reserve(towns.size());
  // The view is the towns' bounds (within Poland): the grid's cells keep their side there.
  geo::BBox view{180, 85, -180, -85};
  for (const TownGroup* town : towns) {
    const auto point = *town->place->point;
    points.push_back(point);
    view = {std::min(view.west, point.lon), std::min(view.south, point.lat),
            std::max(view.east, point.lon), std::max(view.north, point.lat)};
  }
  std::vector<geo::SvgMarker> out;
  for (const auto& cluster : geo::grid_clusters(points, {kSvgZoom, view, kSvgCellPixels, 2000})) {
    const TownGroup* biggest = towns[cluster.members.front()];
    std::size_t practices = 0;
    for (std::size_t i : cluster.members) {
      practices += towns[i]->practices.size();
      if (towns[i]->practices.size() > biggest->practices.size()) biggest = towns[i];
    }
    const std::string place =
        cluster.members.size() == 1
            ? biggest->name
            : fmt::format("{} {} ({})", biggest->name, i18n::tr(lang, "map.and_around"),
                          i18n::count_noun(lang, static_cast<std::int64_t>(cluster.members.size()),
                                           "town"));
    out.push_back({cluster.centre, static_cast<int>(practices),
                   fmt::format("{}: {}", place, practices_text(lang, practices)),
                   "#" + biggest->anchor});
  }
  return out;
}

// With `titles`, each unit lists its practices; otherwise it says how many it has.
Data town_data(const TownGroup& town, i18n::Lang lang, bool titles) {
  Data t{Data::type::object};
  t.set("name", town.name);
  t.set("anchor", town.anchor);
  t.set("count_text", practices_text(lang, town.practices.size()));
  t.set("approximate", town.place->approximate());
  // By unit (a town has one, sometimes a few: a gmina and its powiat), in order of appearance.
  std::vector<std::pair<const MapPractice*, List>> units;
  for (const MapPractice* p : town.practices) {
    auto unit = std::find_if(units.begin(), units.end(),
                             [&](const auto& u) { return u.first->unit_id == p->unit_id; });
    if (unit == units.end()) unit = units.insert(units.end(), {p, List{}});
    Data item{Data::type::object};
    item.set("title", p->title);
    item.set("href", p->href);
    unit->second.push_back(std::move(item));
  }
  List unit_list;
  for (auto& [first, practices] : units) {
    Data u{Data::type::object};
    u.set("unit", first->unit_name);
    u.set("unit_href", first->unit_href);
    u.set("titles", titles);
    u.set("unit_count_text", practices_text(lang, practices.size()));
    u.set("practices", titles ? practices : List{});
    unit_list.push_back(std::move(u));
  }
  t.set("units", unit_list);
  return t;
}

List list_data(const Voivodeships& groups, i18n::Lang lang, bool titles) {
  List out;
  for (const auto& [vk, voivodeship] : groups) {
    std::size_t in_voivodeship = 0;
    List counties;
    for (const auto& [ck, county] : voivodeship.second) {
      List towns;
      for (const auto& [tk, town] : county.second) {
        towns.push_back(town_data(town, lang, titles));
        in_voivodeship += town.practices.size();
      }
      Data c{Data::type::object};
      c.set("name", county.first);
      c.set("towns", towns);
      counties.push_back(std::move(c));
    }
    Data v{Data::type::object};
    v.set("name", voivodeship.first);
    v.set("count_text", practices_text(lang, in_voivodeship));
    v.set("counties", counties);
    out.push_back(std::move(v));
  }
  return out;
}

// The plural word alone ("praktyki"), for the browser's cluster labels.
std::string practice_word(i18n::Lang lang, std::int64_t n) {
  const std::string text = i18n::count_noun(lang, n, "practice");
  return text.substr(text.find(' ') + 1);
}

}  // namespace

Data Views::place_map(i18n::Lang lang, const Unit& unit) const {
  if (!gazetteer_) return false;
  const auto place = geo::resolve_place(unit, *gazetteer_);
  if (!place.point) return false;
  const std::string title = fmt::format("{}: {}", i18n::tr(lang, "map.location"), place.label);
  return geo::draw_svg_map(*gazetteer_, {{*place.point, 1, place.label, ""}},
                           {300, title, "map-svg"});
}

std::string Views::map(const ViewContext& ctx, const MapPage& page) const {
  Data d = base_data(ctx);
  d.set("q", page.query.text);
  if (page.facets) {
    const auto facets = facets_data(ctx.lang, page.facets->facets);
    d.set("has_facets", !facets.empty());
    d.set("facets", facets);
  } else {
    d.set("has_facets", false);
    d.set("facets", List{});
  }
  std::string notice = page.notice;
  if (notice.empty() && !page.facets) notice = "search.unavailable";
  d.set("notice", optional_text(notice.empty() ? "" : std::string(i18n::tr(ctx.lang, notice))));
  add_near_data(d, ctx.lang, page.near, page.near_typed);
  const auto groups = group(page.practices, ctx.lang);
  d.set("total_text", practices_text(ctx.lang, page.practices.size()));
  d.set("svg",
        geo::draw_svg_map(*gazetteer_, markers(groups, ctx.lang),
                          {600, std::string(i18n::tr(ctx.lang, "map.svg_title")), "map-svg"}));
  // Thousands of titles would make the page too heavy to open: the units say where they are.
  const bool titles = page.practices.size() <= kListedTitles;
  d.set("voivodeships", list_data(groups, ctx.lang, titles));
  d.set("list_units_only", !titles);
  d.set("has_practices", !page.practices.empty());
  const std::string filters = filter_parameters(page.query) + near_parameters(page.near);
  // Under /en/ for an English page: the GeoJSON's labels speak the page's language.
  d.set("geojson_href", std::string(ctx.lang == i18n::Lang::en ? "/en" : "") +
                            "/api/v1/practices.geojson?" + filters);
  d.set("tile_url", page.tile_url);
  d.set("word_one", practice_word(ctx.lang, 1));
  d.set("word_few", practice_word(ctx.lang, 2));
  d.set("word_many", practice_word(ctx.lang, 5));
  const std::string title(i18n::tr(ctx.lang, "nav.map"));
  const std::string canonical = filters == "q=" ? "/mapa" : "/mapa?" + filters;
  return layout(ctx, {title, std::string(i18n::tr(ctx.lang, "map.intro")), canonical},
                templates_.render("map", std::move(d)));
}

}  // namespace bdp::web
