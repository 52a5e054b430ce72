#include "geo/gazetteer.h"

#include <tuple>

#include "core/slug.h"

namespace bdp::geo {
namespace {

bool is_vowel(char c) {
  return std::string_view("aeiouy").find(c) != std::string_view::npos;
}

// What a county adjective is formed from: the first word of the seat's key without its final
// vowels ("gorlice" → "gorlic", "grodzisk-mazowiecki" → "grodzisk").
std::string adjective_stem(const std::string& key) {
  std::string stem = key.substr(0, key.find('-'));
  while (!stem.empty() && is_vowel(stem.back())) stem.pop_back();
  return stem;
}

}  // namespace

std::string place_key(std::string_view name) {
  return slugify(name, 200);
}

const Voivodeship* Gazetteer::voivodeship(std::string_view name) const {
  std::string key = place_key(name);
  if (key.starts_with("wojewodztwo-")) key.erase(0, 12);
  for (const auto& v : voivodeships_) {
    if (place_key(v.name) == key) return &v;
  }
  return nullptr;
}

const Voivodeship* Gazetteer::voivodeship_by_teryt(std::string_view teryt) const {
  for (const auto& v : voivodeships_) {
    if (v.teryt == teryt) return &v;
  }
  return nullptr;
}

std::vector<const Place*> Gazetteer::named(std::string_view name) const {
  std::vector<const Place*> out;
  if (auto it = by_key_.find(place_key(name)); it != by_key_.end()) {
    for (std::size_t i : it->second) out.push_back(&places_[i]);
  }
  return out;
}

const Place* Gazetteer::find_place(std::string_view text) const {
  const auto comma = text.find(',');
  const Voivodeship* v = nullptr;
  if (comma != std::string_view::npos) {
    v = voivodeship(text.substr(comma + 1));
    if (!v) return nullptr;
  }
  const Place* best = nullptr;
  for (const Place* p : named(text.substr(0, comma))) {
    if (v && p->voivodeship_teryt() != v->teryt) continue;
    if (!best || p->population > best->population) best = p;
  }
  return best;
}

std::optional<LonLat> Gazetteer::county_centre(std::string_view county) const {
  if (county.size() != 4) return std::nullopt;
  double lon = 0, lat = 0;
  int n = 0;
  for (const auto& p : places_) {
    if (!p.teryt.starts_with(county)) continue;
    lon += p.point.lon;
    lat += p.point.lat;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return LonLat{lon / n, lat / n};
}

const Place* Gazetteer::county_seat(std::string_view county,
                                    std::string_view voivodeship_teryt) const {
  std::string key = place_key(county);
  if (key.starts_with("powiat-")) key.erase(0, 7);
  const auto rank = [](const Place& p, std::size_t stem) {
    return std::tuple(stem, p.feature == "PPLA" || p.feature == "PPLA2", p.population);
  };
  const Place* best = nullptr;
  std::tuple<std::size_t, bool, std::int64_t> best_rank{};
  for (const auto& p : places_) {
    if (p.voivodeship_teryt() != voivodeship_teryt) continue;
    const std::string stem = adjective_stem(place_key(p.name));
    if (stem.size() < 4 || !key.starts_with(stem)) continue;
    if (auto r = rank(p, stem.size()); !best || r > best_rank) {
      best = &p;
      best_rank = r;
    }
  }
  return best;
}

}  // namespace bdp::geo
