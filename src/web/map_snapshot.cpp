#include "web/map_snapshot.h"

#include <algorithm>
#include <map>

#include "core/url.h"
#include "web/views/views.h"

namespace bdp::web {

Result<MapSnapshot> build_map_snapshot(Store& store, const SectionTree& tree,
                                       const geo::Gazetteer& gazetteer) {
  MapSnapshot snapshot;
  // The position first: a write landing while reading is seen again at the next look.
  auto seq = store.last_change_seq();
  if (!seq) return std::unexpected(seq.error());
  snapshot.seq = *seq;
  auto units = store.units();
  if (!units) return std::unexpected(units.error());
  std::map<std::int64_t, const Unit*> unit_by_id;
  std::map<std::int64_t, geo::ResolvedPlace> place_by_unit;
  for (const auto& u : *units) {
    unit_by_id.emplace(u.id, &u);
    place_by_unit.emplace(u.id, geo::resolve_place(u, gazetteer));
  }
  auto practices = store.all_practices();  // ordered by id
  if (!practices) return std::unexpected(practices.error());
  for (const auto& p : *practices) {
    if (p.status != PracticeStatus::published) continue;
    const auto unit = unit_by_id.find(p.unit_id);
    if (unit == unit_by_id.end()) continue;  // the store refuses this; never seen
    const Unit& u = *unit->second;
    const Section* section = p.section_ids.empty() ? nullptr : tree.find(p.section_ids.front());
    snapshot.practices.push_back({p.id, p.title, practice_path(p), u.id, u.name, unit_path(u),
                                  section ? section->name : "", u.voivodeship, u.county, u.town,
                                  place_by_unit.at(u.id)});
  }
  auto adoptions = store.adoptions_in(AdoptionStatus::published);
  if (!adoptions) return std::unexpected(adoptions.error());
  for (const auto& a : *adoptions) {
    const auto from = std::ranges::find(snapshot.practices, a.practice_id, &MapPractice::id);
    const auto to = place_by_unit.find(a.unit_id);
    if (from == snapshot.practices.end() || !from->place.point || to == place_by_unit.end() ||
        !to->second.point) {
      continue;
    }
    snapshot.adoptions.push_back({a.practice_id, from->title, from->href, from->unit_name,
                                  unit_by_id.at(a.unit_id)->name, a.year, *from->place.point,
                                  *to->second.point});
  }
  return snapshot;
}

Result<std::shared_ptr<const MapSnapshot>> MapSnapshots::current(const SectionTree& tree) {
  auto seq = store_.last_change_seq();
  if (!seq) return std::unexpected(seq.error());
  std::lock_guard lock(mutex_);
  if (latest_ && latest_->seq == *seq) return latest_;
  auto built = build_map_snapshot(store_, tree, gazetteer_);
  if (!built) return std::unexpected(built.error());
  latest_ = std::make_shared<const MapSnapshot>(std::move(*built));
  return latest_;
}

Result<std::optional<NearPlace>> near_place_from_parameters(
    const std::multimap<std::string, std::string>& params, const geo::Gazetteer& gazetteer) {
  const auto typed = params.find("blisko");
  if (typed == params.end() || typed->second.empty()) return std::nullopt;
  NearPlace near;
  near.typed = typed->second;
  if (auto radius = params.find("promien"); radius != params.end()) {
    const auto& radii = kNearRadii;
    const auto it = std::find_if(std::begin(radii), std::end(radii),
                                 [&](int r) { return std::to_string(r) == radius->second; });
    if (it == std::end(radii)) {
      return fail(ErrorKind::invalid_input, "promien is not one of 10, 30, 50, 100");
    }
    near.radius_km = *it;
  }
  const geo::Place* place = gazetteer.find_place(near.typed);
  if (!place) {
    return fail(ErrorKind::invalid_input, "no place " + near.typed + " in the gazetteer",
                "map.unknown_place");
  }
  near.name = place->name;
  near.point = place->point;
  return near;
}

std::string near_parameters(const std::optional<NearPlace>& near) {
  if (!near) return "";
  return "&blisko=" + percent_encode(near->typed) + "&promien=" + std::to_string(near->radius_km);
}

namespace {

// The distance of `p` from the place when within its radius.
std::optional<double> distance_within(const MapPractice& p, const NearPlace& near) {
  if (!p.place.point) return std::nullopt;
  const double km = geo::distance_km(*p.place.point, near.point);
  if (km > static_cast<double>(near.radius_km)) return std::nullopt;
  return km;
}

}  // namespace

std::map<std::int64_t, double> distances_near(const MapSnapshot& snapshot, const NearPlace& near) {
  std::map<std::int64_t, double> out;
  for (const auto& p : snapshot.practices) {
    if (const auto km = distance_within(p, near)) out.emplace(p.id, *km);
  }
  return out;
}

bool selects_everything(const search::Query& query) {
  return query.text.empty() && std::all_of(query.filters.begin(), query.filters.end(),
                                           [](const auto& f) { return f.second.empty(); });
}

Result<std::vector<const MapPractice*>> select_practices(const MapSnapshot& snapshot,
                                                         const search::Query& query,
                                                         SearchSource* search,
                                                         const std::optional<NearPlace>& near) {
  std::vector<const MapPractice*> out;
  const auto near_enough = [&](const MapPractice& p) {
    return !near || distance_within(p, *near).has_value();
  };
  if (selects_everything(query)) {
    for (const auto& p : snapshot.practices) {
      if (near_enough(p)) out.push_back(&p);
    }
    return out;
  }
  if (!search) {
    return fail(ErrorKind::unavailable, "search index is not open", "search.unavailable");
  }
  auto ids = search->matching_ids(query);
  if (!ids) return std::unexpected(ids.error());
  std::sort(ids->begin(), ids->end());
  for (const auto& p : snapshot.practices) {
    if (std::binary_search(ids->begin(), ids->end(), p.id) && near_enough(p)) out.push_back(&p);
  }
  return out;
}

}  // namespace bdp::web
