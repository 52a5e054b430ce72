// The share of cached pages still served from the page cache after one practice is edited.
// A portal over an in-memory SQLite store with the demo sections and a generated dataset
// (fixed seed: UNITS units, PRACTICES practices in one or two sections each) is walked page by
// page (home, every section's listing pages, every practice's summary and full view, every
// unit, the info pages), filling the cache; then one practice's title changes and the cache
// drops what that change makes stale (Portal::drop_stale, with the Change naming the unit and
// sections the practice is in, as Change::related does), and the pages still cached are
// counted. The walk is then repeated to check that the edited title shows everywhere it should.
// Usage: bench_web_cache_after_edit [PRACTICES=400] [UNITS=40]
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "exchange/exchange.h"
#include "http/target.h"
#include "web/portal.h"
#include "web/views/views.h"

namespace {

using namespace bdp;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Dataset generated(int practices, int units) {
  auto demo = exchange::from_json(read_file("data/demo.json"));
  if (!demo) {
    fmt::print(stderr, "data/demo.json: {} (run from the repository root)\n", demo.error().message);
    std::exit(1);
  }
  Dataset data;
  data.sections = demo->sections;
  std::mt19937 random(20261201);
  for (int u = 1; u <= units; ++u) {
    Unit unit = demo->units.front();
    unit.id = u;
    unit.slug = fmt::format("jednostka-{}", u);
    unit.name = fmt::format("Jednostka {}", u);
    data.units.push_back(unit);
  }
  for (int i = 1; i <= practices; ++i) {
    Practice p = demo->practices.front();
    p.id = i;
    p.slug = fmt::format("praktyka-{}", i);
    p.title = fmt::format("Praktyka numer {}", i);
    p.source_key = {};
    p.unit_id = 1 + static_cast<int>(random() % units);
    p.section_ids = {data.sections[random() % data.sections.size()].id};
    if (random() % 2) {
      const auto second = data.sections[random() % data.sections.size()].id;
      if (second != p.section_ids.front()) p.section_ids.push_back(second);
    }
    p.entered_on = fmt::format("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28);
    data.practices.push_back(p);
  }
  return data;
}

http::Response get(web::Portal& portal, const std::string& target) {
  http::Request r;
  r.target = target;
  if (!http::parse_target(target, r.path, r.query)) std::abort();
  r.remote_address = "192.0.2.1";
  return portal.handle(r);
}

// Every page a crawler reaches; returns how many answered 200.
int walk(web::Portal& portal, const Dataset& data, const std::string& needle, int* shown) {
  std::vector<std::string> targets = {"/",          "/mapa", "/publikacje",
                                      "/inne-bazy", "/smup", "/deklaracja-dostepnosci"};
  for (const auto& s : data.sections) {
    for (int page = 1; page <= 30; ++page) {
      targets.push_back(fmt::format("/dzialy/{}?strona={}", s.slug, page));
    }
  }
  for (const auto& p : data.practices) {
    targets.push_back(web::practice_path(p));
    targets.push_back(web::practice_path(p) + "/pelna-prezentacja");
  }
  for (const auto& u : data.units) targets.push_back(web::unit_path(u));
  int ok = 0;
  for (const auto& t : targets) {
    const auto r = get(portal, t);
    ok += r.status == 200;
    if (shown && r.body.find(needle) != std::string::npos) ++*shown;
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const int practices = argc > 1 ? std::atoi(argv[1]) : 400;
  const int units = argc > 2 ? std::atoi(argv[2]) : 40;
  auto store = open_store("sqlite::memory:");
  if (!store || !(*store)->migrate()) return 1;
  const Dataset data = generated(practices, units);
  if (auto loaded = (*store)->load(data); !loaded) {
    fmt::print(stderr, "load: {}\n", loaded.error().message);
    return 1;
  }
  auto portal = web::Portal::create(**store, static_cast<search::SearchIndex*>(nullptr),
                                    {web::SiteConfig{}, "assets", {}});
  if (!portal) {
    fmt::print(stderr, "portal: {}\n", portal.error().message);
    return 1;
  }
  // The portal builds its open-data files in the background from the start (the dumps last):
  // the figures should not share the machine with that.
  while (get(**portal, "/dane/praktyki.csv.sha256").status != 200) {
  }
  const int pages = walk(**portal, data, "", nullptr);
  const std::size_t before = (*portal)->cached_pages();

  Practice edited = data.practices[practices / 2];
  const std::string old_title = edited.title + "<";  // the end of the title in the markup
  edited.title = "Praktyka po edycji";
  if (!(*store)->save_practice(edited)) return 1;
  Change change{0, EntityKind::practice, edited.id, false, {{EntityKind::unit, edited.unit_id}}};
  for (auto s : edited.section_ids) change.related.push_back({EntityKind::section, s});
  (*portal)->drop_stale({change});
  const std::size_t kept = (*portal)->cached_pages();

  int shown = 0, stale = 0;
  walk(**portal, data, edited.title, &shown);
  walk(**portal, data, old_title, &stale);
  // What on_changes() does with the store's own change log (a store that leaves
  // Change::related empty makes it drop every page).
  const std::size_t refilled = (*portal)->cached_pages();
  auto last = (*store)->last_change_seq();
  auto logged = last ? (*store)->changes_since(*last - 1, 1) : std::unexpected(last.error());
  const std::size_t related = logged && !logged->empty() ? logged->back().related.size() : 0;
  (*portal)->on_changes();
  const std::size_t kept_by_log = (*portal)->cached_pages();

  fmt::print("practices {}, units {}, sections {}; pages answered 200: {}, cached {}\n", practices,
             units, data.sections.size(), pages, before);
  fmt::print(
      "after editing practice {} (unit {}, {} sections): {} of {} cached pages kept = "
      "{:.1f} %\n",
      edited.id, edited.unit_id, edited.section_ids.size(), kept, before,
      100.0 * static_cast<double>(kept) / static_cast<double>(before));
  fmt::print("pages showing the new title after the edit: {}; still showing the old one: {}\n",
             shown, stale);
  fmt::print(
      "through on_changes() and the store's own change log (the entry names {} related "
      "entities): {} of {} cached pages kept\n",
      related, kept_by_log, refilled);
  return stale == 0 ? 0 : 1;
}
