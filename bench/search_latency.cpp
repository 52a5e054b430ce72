// Search figures over a generated corpus (bench/search_corpus.h): index build time, index size,
// and query latency p50/p99 for a fixed mix of 1–4-word queries with two facet filters (each
// search also counts all 7 facets and the exact total). With BDP_TEST_POSTGRES_URL set (see
// bench/search_vs_postgres.sh), the same corpus and queries run side by side in PostgreSQL
// full-text search with a Polish ispell configuration made from hunspell-pl, and the latency
// ratio and the overlap of the top-10 results are printed.
// Usage: bench_search_latency [PRACTICES=100000] [QUERIES=1000] [KEEP_DIR]
// With KEEP_DIR, the store and the index are kept there and reused by the next run with the
// same PRACTICES (build figures are then those of the run that built them).
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "search/facet_table.h"
#include "search/facets.h"
#include "search/search_index.h"
#include "search_corpus.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Latencies {
  std::vector<double> ms;
  double percentile(double p) {
    std::sort(ms.begin(), ms.end());
    return ms.empty() ? 0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
  }
};

std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_search_latency: %s\n", what.c_str());
  std::exit(1);
}

// --- PostgreSQL side ------------------------------------------------------------------------

struct PgDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgConn = std::unique_ptr<PGconn, PgDeleter>;
using PgResult = std::unique_ptr<PGresult, PgDeleter>;

void exec(PGconn* c, const std::string& sql) {
  PgResult r(PQexec(c, sql.c_str()));
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    die(sql.substr(0, 80) + ": " + PQerrorMessage(c));
}

std::string copy_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\')
      out += "\\\\";
    else if (ch == '\t')
      out += "\\t";
    else if (ch == '\n')
      out += "\\n";
    else if (ch == '\r')
      out += "\\r";
    else
      out += ch;
  }
  return out;
}

std::string band_of(const bdp::Unit& u) {
  return bdp::search::population_band(
      u.current_population() ? std::optional(u.current_population()->count) : std::nullopt);
}

double pg_load(PGconn* c, const bdp::Dataset& data) {
  const auto start = Clock::now();
  exec(c, "SET client_min_messages = warning");
  exec(c, "DROP TABLE IF EXISTS practice_fts");
  exec(c, "DROP TEXT SEARCH CONFIGURATION IF EXISTS bdp_polish");
  exec(c, "DROP TEXT SEARCH DICTIONARY IF EXISTS bdp_pl_ispell");
  exec(c,
       "CREATE TEXT SEARCH DICTIONARY bdp_pl_ispell (TEMPLATE = ispell, DictFile = bdp_pl, AffFile "
       "= bdp_pl)");
  exec(c, "CREATE TEXT SEARCH CONFIGURATION bdp_polish (COPY = simple)");
  exec(c,
       "ALTER TEXT SEARCH CONFIGURATION bdp_polish ALTER MAPPING FOR word, hword, hword_part, "
       "asciiword, "
       "asciihword, hword_asciipart WITH bdp_pl_ispell, simple");
  exec(c,
       "CREATE TABLE practice_fts (id int PRIMARY KEY, title text, summary text, body text, "
       "voivodeship text, unit_type text, population text, year text, sections int[], "
       "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('bdp_polish'::regconfig, title), "
       "'A') || "
       "setweight(to_tsvector('bdp_polish'::regconfig, summary), 'B') || "
       "setweight(to_tsvector('bdp_polish'::regconfig, body), 'C')) STORED)");
  {
    PgResult copy(PQexec(c,
                         "COPY practice_fts (id, title, summary, body, voivodeship, unit_type, "
                         "population, year, sections) FROM STDIN"));
    if (PQresultStatus(copy.get()) != PGRES_COPY_IN) die(std::string("COPY: ") + PQerrorMessage(c));
  }
  std::map<std::int64_t, const bdp::Unit*> units;
  for (const auto& u : data.units) units[u.id] = &u;
  for (const auto& p : data.practices) {
    const bdp::Unit& u = *units.at(p.unit_id);
    std::string body;
    for (const auto& s : p.presentation) body += s.heading + "\n" + s.body + "\n";
    const std::int64_t section = p.section_ids.at(0);
    const std::string sections =
        section > 10 ? "{" + std::to_string(section / 10) + "," + std::to_string(section) + "}"
                     : "{" + std::to_string(section) + "}";
    const std::string row = std::to_string(p.id) + "\t" + copy_escape(p.title) + "\t" +
                            copy_escape(p.summary) + "\t" + copy_escape(body) + "\t" +
                            u.voivodeship + "\t" + u.type + "\t" + band_of(u) + "\t" +
                            p.entered_on.substr(0, 4) + "\t" + sections + "\n";
    if (PQputCopyData(c, row.data(), static_cast<int>(row.size())) != 1) die(PQerrorMessage(c));
  }
  if (PQputCopyEnd(c, nullptr) != 1) die(PQerrorMessage(c));
  PgResult r(PQgetResult(c));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) die(std::string("COPY: ") + PQerrorMessage(c));
  exec(c, "CREATE INDEX practice_fts_tsv ON practice_fts USING gin (tsv)");
  exec(c, "ANALYZE practice_fts");
  return seconds_since(start);
}

// The same filters as the search facets; sections hold their ancestors, as in the index.
const char* pg_filter(const std::string& facet) {
  if (facet == "voivodeship") return "voivodeship = $%d";
  if (facet == "unit_type") return "unit_type = $%d";
  if (facet == "population") return "population = $%d";
  if (facet == "year") return "year = $%d";
  return "sections && ARRAY[$%d::int]";
}

std::vector<std::int64_t> pg_search(PGconn* c, const bdp::bench::BenchQuery& q) {
  std::string sql =
      "SELECT id, count(*) OVER () FROM practice_fts, websearch_to_tsquery('bdp_polish', $1) q "
      "WHERE tsv @@ q";
  std::vector<std::string> values{q.text};
  for (const auto& [facet, value] : q.filters) {
    char clause[64];
    std::snprintf(clause, sizeof clause, pg_filter(facet), static_cast<int>(values.size()) + 1);
    sql += std::string(" AND ") + clause;
    values.push_back(value);
  }
  sql += " ORDER BY ts_rank(tsv, q) DESC LIMIT 10";
  std::vector<const char*> params;
  for (const auto& v : values) params.push_back(v.c_str());
  PgResult r(PQexecParams(c, sql.c_str(), static_cast<int>(params.size()), nullptr, params.data(),
                          nullptr, nullptr, 0));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) die(std::string("query: ") + PQerrorMessage(c));
  std::vector<std::int64_t> ids;
  for (int i = 0; i < PQntuples(r.get()); ++i) ids.push_back(std::atoll(PQgetvalue(r.get(), i, 0)));
  return ids;
}

}  // namespace

int main(int argc, char** argv) {
  const int practices = argc > 1 ? std::atoi(argv[1]) : 100'000;
  const int query_count = argc > 2 ? std::atoi(argv[2]) : 1000;
  const bool keep = argc > 3;
  const fs::path dir =
      keep ? fs::path(argv[3]) / std::to_string(practices)
           : fs::temp_directory_path() / ("bdp-search-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  struct Cleanup {
    fs::path dir;
    bool keep;
    ~Cleanup() {
      if (!keep) fs::remove_all(dir);
    }
  } cleanup{dir, keep};

  auto start = Clock::now();
  const auto corpus =
      bdp::bench::generate_corpus(practices, 20240611, bdp::search::kDefaultDicPath);
  const double generate_s = seconds_since(start);

  const fs::path built_marker = dir / "built";
  double load_s = 0, build_s = 0;
  if (!fs::exists(built_marker)) {
    fs::remove_all(dir / "index");
    fs::remove(dir / "bench.db");
    auto store = bdp::open_sqlite_store((dir / "bench.db").string());
    if (!store || !(*store)->migrate()) die("cannot open the SQLite store");
    start = Clock::now();
    if (auto s = (*store)->load(corpus); !s) die("load: " + s.error().message);
    load_s = seconds_since(start);
    auto building = bdp::search::SearchIndex::open(dir / "index");
    if (!building) die(building.error().message);
    start = Clock::now();
    if (auto s = (*building)->rebuild(**store); !s) die("rebuild: " + s.error().message);
    build_s = seconds_since(start);
    if (keep) std::ofstream(built_marker) << load_s << ' ' << build_s << '\n';
  } else {
    std::ifstream(built_marker) >> load_s >> build_s;
  }
  auto index = bdp::search::SearchIndex::open(dir / "index");
  if (!index) die(index.error().message);
  const double index_mb = static_cast<double>(directory_bytes(dir / "index")) / 1e6;

  const auto queries = bdp::bench::query_mix(query_count, 7);
  std::vector<std::vector<std::int64_t>> xapian_top(queries.size());
  Latencies xapian;
  std::int64_t matched = 0;
  for (int round = 0; round < 2; ++round) {  // the first round warms caches
    for (std::size_t i = 0; i < queries.size(); ++i) {
      bdp::search::Query q;
      q.text = queries[i].text;
      q.filters = queries[i].filters;
      q.page_size = 10;
      const auto t = Clock::now();
      auto r = (*index)->search(q);
      const double ms = seconds_since(t) * 1e3;
      if (!r) die("search: " + r.error().message);
      if (round == 1) {
        xapian.ms.push_back(ms);
        matched += r->total;
        xapian_top[i].clear();
        for (const auto& h : r->hits) xapian_top[i].push_back(h.id);
      }
    }
  }
  std::printf("| figure | value |\n|---|---|\n");
  std::printf("| practices | %d (generated in %.1f s, loaded into SQLite in %.1f s) |\n", practices,
              generate_s, load_s);
  std::printf("| index build (rebuild from the store) | %.1f s |\n", build_s);
  std::printf("| index size | %.0f MB |\n", index_mb);
  std::printf("| queries | %zu (1–4 words, two facet filters; mean total %.0f) |\n", queries.size(),
              static_cast<double>(matched) / static_cast<double>(queries.size()));
  const double x50 = xapian.percentile(0.50), x99 = xapian.percentile(0.99);
  std::printf("| Xapian search p50 / p99 | %.2f ms / %.2f ms |\n", x50, x99);
  {
    Xapian::Database db((dir / "index").string());
    const auto t = Clock::now();
    const auto table = bdp::search::FacetTable::build(db);
    std::printf(
        "| facet table of %zu values (read again by the first search after a write) | %.1f ms |\n",
        table->value_count(), seconds_since(t) * 1e3);
  }

  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  if (url == nullptr) return 0;
  PgConn pg(PQconnectdb(url));
  if (PQstatus(pg.get()) != CONNECTION_OK)
    die(std::string("PostgreSQL: ") + PQerrorMessage(pg.get()));
  const double pg_load_s = pg_load(pg.get(), corpus);
  Latencies postgres;
  double overlap_sum = 0;
  int overlap_n = 0;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto t = Clock::now();
      auto ids = pg_search(pg.get(), queries[i]);
      const double ms = seconds_since(t) * 1e3;
      if (round == 0) continue;
      postgres.ms.push_back(ms);
      const std::size_t k = std::min(ids.size(), xapian_top[i].size());
      if (k == 0) continue;
      std::set<std::int64_t> a(ids.begin(), ids.end());
      std::size_t common = 0;
      for (auto id : xapian_top[i]) common += a.count(id);
      overlap_sum += static_cast<double>(common) / static_cast<double>(k);
      ++overlap_n;
    }
  }
  const double p50 = postgres.percentile(0.50), p99 = postgres.percentile(0.99);
  std::printf("| PostgreSQL load + tsvector + GIN index | %.1f s |\n", pg_load_s);
  std::printf("| PostgreSQL FTS p50 / p99 (top 10 + total, over loopback) | %.2f ms / %.2f ms |\n",
              p50, p99);
  std::printf("| latency ratio PostgreSQL / Xapian, p50 / p99 | %.1f / %.1f |\n", p50 / x50,
              p99 / x99);
  std::printf("| top-10 overlap (queries where both found something: %d) | %.0f %% |\n", overlap_n,
              overlap_n ? 100.0 * overlap_sum / overlap_n : 0.0);
  return 0;
}
