// The store's costs on each engine: SQLite (a temporary file) and PostgreSQL (a scratch schema in
// the database at BDP_TEST_POSTGRES_URL, when set). Loads a portal-sized dataset (500 practices
// in 12 sections), then times the calls the web server and the importer make.
// Usage: scripts/with-postgres.sh build/bench_store_engines   (or without, for SQLite only)
// Prints one Markdown table: microseconds per call (mean), and calls per second for reads from
// 8 threads at once.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/postgres_store.h"
#include "store/postgres/scratch_schema.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPractices = 500, kSections = 12;

bdp::Dataset portal_dataset() {
  bdp::Dataset data;
  for (int s = 1; s <= kSections; ++s) {
    bdp::Section section;
    section.id = s;
    section.parent_id = s > 4 ? std::optional<std::int64_t>(1 + s % 4) : std::nullopt;
    section.slug = "dzial-" + std::to_string(s);
    section.name = "Dział " + std::to_string(s);
    data.sections.push_back(section);
  }
  for (int u = 1; u <= 100; ++u) {
    bdp::Unit unit;
    unit.id = u;
    unit.slug = "gmina-" + std::to_string(u);
    unit.name = "Gmina " + std::to_string(u);
    unit.type = "gmina wiejska";
    unit.population = {{2011, 1000 + u}, {2013, 1100 + u}};
    data.units.push_back(unit);
  }
  for (int p = 1; p <= kPractices; ++p) {
    bdp::Practice practice;
    practice.id = p;
    practice.title = (p % 2 ? "Łączenie usług " : "Zespół ") + std::to_string(p);
    practice.summary = std::string(1500, 'x');
    practice.entered_on = "20" + std::to_string(10 + p % 10) + "-03-0" + std::to_string(1 + p % 9);
    practice.unit_id = 1 + p % 100;
    practice.section_ids = {1 + p % kSections};
    practice.contacts = {{"Maria Świdurska", "Kierownik", {"61 28 36 107"}, "m@example.org"}};
    for (const auto& heading : bdp::methodology()) {
      practice.presentation.push_back({heading.key, heading.heading, std::string(800, 'y')});
    }
    practice.updated_at = "2013-06-27T10:00:00Z";
    data.practices.push_back(practice);
  }
  return data;
}

// Mean microseconds of `calls` runs of `call`; exits on the first failure.
double time_calls(int calls, const std::function<bool(int)>& call) {
  auto start = Clock::now();
  for (int i = 0; i < calls; ++i) {
    if (!call(i)) {
      std::fprintf(stderr, "a call failed\n");
      std::exit(1);
    }
  }
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count() / calls;
}

// Calls per second of `call` from `threads` threads at once, `calls` each.
double throughput(int threads, int calls, const std::function<bool(int)>& call) {
  auto start = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] { time_calls(calls, [&](int i) { return call(t * calls + i); }); });
  }
  for (auto& w : workers) w.join();
  return threads * calls / std::chrono::duration<double>(Clock::now() - start).count();
}

void measure(const char* name, bdp::Store& store) {
  if (!store.migrate()) std::exit(1);
  auto data = portal_dataset();
  double load_ms = time_calls(1, [&](int) { return bool(store.load(data)); }) / 1000;
  double read = time_calls(2000, [&](int i) { return bool(store.practice(1 + i % kPractices)); });
  double page = time_calls(500, [&](int i) {
    return bool(store.practices_in_section(1 + i % 4, bdp::PracticeSort::title, {0, 20}));
  });
  double save = time_calls(200, [&](int i) {
    auto p = data.practices[static_cast<std::size_t>(i)];
    p.title += " (zmiana)";
    return bool(store.save_practice(p));
  });
  double visit = time_calls(1000, [&](int i) {
    return bool(store.record_visits("2024-05-01", {"hash-" + std::to_string(i)}));
  });
  double reads_per_s =
      throughput(8, 250, [&](int i) { return bool(store.practice(1 + i % kPractices)); });
  std::printf("| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |\n", name, load_ms, read, page, save,
              visit, reads_per_s);
}

}  // namespace

int main() {
  std::printf(
      "| engine | load 500 practices (ms) | practice(id) (µs) | page of 20 by title (µs) | "
      "save_practice (µs) | record_visit (µs) | practice(id), 8 threads (calls/s) |\n"
      "|---|---|---|---|---|---|---|\n");
  auto dir = std::filesystem::temp_directory_path() / "bdp-bench-store";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto store = bdp::open_sqlite_store((dir / "bench.sqlite").string());
    if (!store) return 1;
    measure("sqlite", **store);
  }
  std::filesystem::remove_all(dir);
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  if (url && *url) {
    auto schema = bdp::create_scratch_schema(url);
    if (!schema) return 1;
    {
      auto store = bdp::open_postgres_store(schema->url);
      if (!store) return 1;
      measure("postgresql", **store);
    }
    (void)bdp::drop_scratch_schema(*schema);
  }
  return 0;
}
