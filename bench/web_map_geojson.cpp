// The map's GeoJSON for 100 000 practices: features per view and the server's time to cluster
// and write them (web/map_geojson.h), for three views a visitor reaches. The practices sit at
// the gazetteer's 2 867 places (data/gazetteer.json), drawn at random, as a large portal's would
// (many per town, not spread evenly).
// Usage: build/bench_web_map_geojson [PRACTICES]   (default 100000; run from the source tree)
// Prints one Markdown table: features, bytes, and milliseconds per answer (median of 9) for the
// whole GeoJSON and for the grid clustering alone.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "geo/grid_clusters.h"
#include "web/map_geojson.h"

namespace {

using Clock = std::chrono::steady_clock;

template <class F>
double median_ms(F f) {
  std::vector<double> times;
  for (int i = 0; i < 9; ++i) {
    const auto start = Clock::now();
    f();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

struct View {
  const char* name;
  bdp::web::MapView view;
};

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  auto gazetteer = bdp::geo::Gazetteer::load("data/gazetteer.json");
  if (!gazetteer) {
    std::fprintf(stderr, "%s\n", gazetteer.error().message.c_str());
    return 1;
  }
  std::mt19937 random(14);
  std::uniform_int_distribution<std::size_t> place(0, gazetteer->places().size() - 1);
  std::vector<bdp::web::MapPractice> practices(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = gazetteer->places()[place(random)];
    practices[i].id = static_cast<std::int64_t>(i + 1);
    practices[i].title = "Praktyka numer " + std::to_string(i + 1) + " w miejscowości " + p.name;
    practices[i].href = "/praktyki/" + std::to_string(i + 1) + "-praktyka-numer";
    practices[i].unit_name = p.name;
    practices[i].unit_href = "/jednostki/gmina-" + std::to_string(i % 2477);
    practices[i].section = "Pomoc społeczna";
    practices[i].place = {p.point, bdp::geo::PlaceSource::gazetteer, p.name};
  }
  std::vector<const bdp::web::MapPractice*> selected;
  std::vector<bdp::geo::LonLat> points;
  for (const auto& p : practices) {
    selected.push_back(&p);
    points.push_back(*p.place.point);
  }
  const View views[] = {
      {"Poland, zoom 6", {6, {13.5, 48.8, 24.5, 55.0}}},
      {"mazowieckie, zoom 8", {8, {19.2, 51.0, 23.2, 53.5}}},
      {"Warsaw, zoom 11", {11, {20.75, 52.1, 21.3, 52.35}}},
  };
  std::printf("%zu practices at %zu places\n\n", n, gazetteer->places().size());
  std::printf("| view | in view | features | GeoJSON bytes | GeoJSON ms | clustering ms |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const auto& v : views) {
    std::string body;
    const double total = median_ms(
        [&] { body = bdp::web::practices_geojson(selected, v.view, bdp::i18n::Lang::pl); });
    bdp::geo::ClusterOptions options;
    options.zoom = v.view.zoom;
    options.view = v.view.bbox;
    options.max_cells = bdp::web::kMaxMapFeatures;
    std::size_t features = 0;
    const double clustering =
        median_ms([&] { features = bdp::geo::grid_clusters(points, options).size(); });
    std::size_t in_view = 0;
    for (const auto& p : points) in_view += v.view.bbox.contains(p);
    // practices_geojson sends practices one by one up to kMaxMapFeatures, clusters beyond.
    if (in_view <= bdp::web::kMaxMapFeatures) features = in_view;
    std::printf("| %s | %zu | %zu | %zu | %.1f | %.1f |\n", v.name, in_view, features, body.size(),
                total, clustering);
  }
  return 0;
}
