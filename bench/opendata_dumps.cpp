// The open-data documents at 100 000 practices: fills a SQLite file with N practices (each with
// a 1 500-character summary and the ten methodology sections of 800 characters, like the
// portal's), then, in a process of its own, times the CSV + JSONL.gz dump (streamed to files)
// and the sitemap, and prints the process's peak RSS: the dump reads the store in pages, so the
// peak should not grow with N.
// Usage: build/bench_opendata_dumps fill DB N      (once; ~1 min for 100 000)
//        build/bench_opendata_dumps dump DB OUTDIR
//        build/bench_opendata_dumps sitemap DB
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "opendata/dumps.h"
#include "opendata/sitemap.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kUnits = 2477, kSections = 12, kBatch = 1000;
const char* kVoivodeships[] = {"wielkopolskie", "mazowieckie", "śląskie", "małopolskie"};

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int fail(const bdp::Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message.c_str());
  return 1;
}

int fill(bdp::Store& store, int n) {
  bdp::Dataset base;
  for (int s = 1; s <= kSections; ++s) {
    base.sections.push_back(
        bdp::Section{s, s > 4 ? std::optional<std::int64_t>(1 + s % 4) : std::nullopt,
                     "dzial-" + std::to_string(s), "Dział " + std::to_string(s), s, ""});
  }
  for (int u = 1; u <= kUnits; ++u) {
    base.units.push_back(bdp::Unit{u,
                                   "gmina-" + std::to_string(u),
                                   "Gmina " + std::to_string(u),
                                   "gmina wiejska",
                                   "Miejscowość",
                                   "powiat",
                                   kVoivodeships[u % 4],
                                   "30" + std::to_string(10000 + u),
                                   {{2013, 1000 + u}},
                                   52.0,
                                   17.0});
  }
  if (auto loaded = store.load(base); !loaded) return fail(loaded.error());
  for (int first = 1; first <= n; first += kBatch) {
    bdp::Dataset batch;
    for (int p = first; p < first + kBatch && p <= n; ++p) {
      bdp::Practice practice;
      practice.id = p;
      practice.slug = "praktyka-" + std::to_string(p);
      practice.title = "Łączenie usług " + std::to_string(p);
      practice.summary = std::string(1500, 'x');
      practice.entered_on =
          "20" + std::to_string(10 + p % 10) + "-03-0" + std::to_string(1 + p % 9);
      practice.unit_id = 1 + p % kUnits;
      practice.section_ids = {1 + p % kSections};
      practice.contacts = {{"Maria Świdurska", "Kierownik", {"61 28 36 107"}, "m@example.org"}};
      for (const auto& heading : bdp::methodology())
        practice.presentation.push_back({heading.key, heading.heading, std::string(800, 'y')});
      practice.updated_at = "2024-06-27T10:00:00Z";
      batch.practices.push_back(std::move(practice));
    }
    if (auto loaded = store.load(batch); !loaded) return fail(loaded.error());
  }
  std::printf("filled %d practices\n", n);
  return 0;
}

bdp::opendata::RecordContext context_of(bdp::Store& store) {
  auto units = store.units();
  auto sections = store.sections();
  return bdp::opendata::RecordContext("https://bdp.example.org",
                                      units ? *units : std::vector<bdp::Unit>{},
                                      sections ? *sections : std::vector<bdp::Section>{});
}

int dump(bdp::Store& store, const std::string& dir) {
  const auto context = context_of(store);
  std::ofstream csv(dir + "/praktyki.csv", std::ios::binary),
      jsonl(dir + "/praktyki.jsonl.gz", std::ios::binary);
  const auto start = Clock::now();
  auto written = bdp::opendata::write_dumps(store, context, csv, jsonl);
  if (!written) return fail(written.error());
  csv.close();
  jsonl.close();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("dump: %lld practices in %.2f s (CSV + JSONL.gz), peak RSS %ld MiB\n",
              static_cast<long long>(*written), seconds, peak_rss_kib() / 1024);
  return 0;
}

int sitemap(bdp::Store& store) {
  const auto context = context_of(store);
  const auto start = Clock::now();
  auto files = bdp::opendata::sitemap_files(store, context);
  if (!files) return fail(files.error());
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::size_t bytes = 0;
  for (const auto& [name, text] : *files) bytes += text.size();
  std::printf("sitemap: %zu files, %zu KiB in %.2f s, peak RSS %ld MiB\n", files->size(),
              bytes / 1024, seconds, peak_rss_kib() / 1024);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s fill DB N | dump DB OUTDIR | sitemap DB\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  auto store = bdp::open_sqlite_store(argv[2]);
  if (!store) return fail(store.error());
  if (auto migrated = (*store)->migrate(); !migrated) return fail(migrated.error());
  if (mode == "fill" && argc == 4) return fill(**store, std::atoi(argv[3]));
  if (mode == "dump" && argc == 4) return dump(**store, argv[3]);
  if (mode == "sitemap") return sitemap(**store);
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
