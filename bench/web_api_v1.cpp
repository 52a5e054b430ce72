// /api/v1/practices latency through the whole request pipeline, in process (no sockets, no
// search index), over the SQLite file bench_opendata_dumps filled: a filtered page of 100 (one
// voivodeship of four, one section of twelve) from random cursors, and the unfiltered first
// page. Prints p50, p99 and max in milliseconds.
// Usage: build/bench_web_api_v1 DB [requests]   (run from the source tree: it reads assets/)
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

#include "http/finalize.h"
#include "http/target.h"
#include "store/sqlite/sqlite_store.h"
#include "web/portal.h"

namespace {

using Clock = std::chrono::steady_clock;

double get_ms(bdp::web::Portal& portal, const std::string& target) {
  bdp::http::Request r;
  r.target = target;
  if (!bdp::http::parse_target(target, r.path, r.query)) std::abort();
  r.remote_address = "192.0.2.1";
  const auto start = Clock::now();
  auto response = portal.handle(r);
  bdp::http::finalize_response(r, response);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (response.status != 200) {
    fmt::print(stderr, "{}: {}\n", target, response.status);
    std::exit(1);
  }
  return ms;
}

void report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[static_cast<std::size_t>(q * (ms.size() - 1))]; };
  fmt::print("| {} | {} | {:.2f} | {:.2f} | {:.2f} |\n", what, ms.size(), at(0.5), at(0.99),
             ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} DB [requests]\n", argv[0]);
    return 2;
  }
  const int requests = argc > 2 ? std::atoi(argv[2]) : 500;
  auto store = bdp::open_sqlite_store(argv[1]);
  if (!store || !(*store)->migrate()) return 1;
  bdp::web::SiteConfig config;
  config.limits.api_requests_per_minute = 1 << 30;
  auto portal = bdp::web::Portal::create(**store, static_cast<bdp::search::SearchIndex*>(nullptr),
                                         {config, "assets", {}});
  if (!portal) {
    fmt::print(stderr, "portal: {}\n", portal.error().message);
    return 1;
  }
  std::mt19937 random(15);
  std::uniform_int_distribution<int> cursor(0, 90000);
  // The portal builds its open-data files in the background from the start (the dumps last):
  // the figures should not share the machine with that.
  for (bdp::http::Request r; r.path.empty() || (*portal)->handle(r).status != 200;) {
    r.target = r.path = "/dane/praktyki.csv.sha256";
  }
  get_ms(**portal, "/api/v1/practices");  // builds the record context of this revision
  std::vector<double> filtered, first;
  for (int i = 0; i < requests; ++i) {
    filtered.push_back(get_ms(
        **portal, fmt::format("/api/v1/practices?voivodeship=wielkopolskie&section=2&limit=100"
                              "&cursor={}",
                              cursor(random))));
    first.push_back(get_ms(**portal, "/api/v1/practices?limit=100"));
  }
  fmt::print("| request | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
  report("voivodeship + section, 100 per page, random cursor", filtered);
  report("no filter, first 100", first);
  return 0;
}
