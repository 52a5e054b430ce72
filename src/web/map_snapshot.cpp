#include "web/map_snapshot.h"

#include <algorithm>
#include <map>

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

bool selects_everything(const search::Query& query) {
  return query.text.empty() && std::all_of(query.filters.begin(), query.filters.end(),
                                           [](const auto& f) { return f.second.empty(); });
}

Result<std::vector<const MapPractice*>> select_practices(const MapSnapshot& snapshot,
                                                         const search::Query& query,
                                                         SearchSource* search) {
  std::vector<const MapPractice*> out;
  if (selects_everything(query)) {
    out.reserve(snapshot.practices.size());
    for (const auto& p : snapshot.practices) out.push_back(&p);
    return out;
  }
  if (!search) {
    return fail(ErrorKind::unavailable, "search index is not open", "search.unavailable");
  }
  auto ids = search->matching_ids(query);
  if (!ids) return std::unexpected(ids.error());
  std::sort(ids->begin(), ids->end());
  for (const auto& p : snapshot.practices) {
    if (std::binary_search(ids->begin(), ids->end(), p.id)) out.push_back(&p);
  }
  return out;
}

}  // namespace bdp::web
