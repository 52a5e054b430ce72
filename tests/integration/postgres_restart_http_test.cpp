// End to end: PostgreSQL restarts while two `bdp serve` nodes on one database are under load and
// `bdp import` runs. Every request gets an answer in bounded time (its usual status, or 503 with
// the portal's error page while PostgreSQL is away — never a dropped connection, never a 500),
// both nodes serve again within seconds of PostgreSQL's return, and nothing acknowledged is lost.
//
// What "acknowledged" means for the visitor counter. A page answered 200 records its visitor
// (a 404 counts none); when that write fails the page is still served (from the page cache it
// may well be a 200), the visit is only logged. So a client cannot tell from one answer whether it
// was counted. The test therefore splits the page views (one distinct User-Agent each, so each is
// a distinct visitor):
//   - certain: answered, and not overlapping the outage window of its node (from the restart
//     command until that node's first healthy /healthz after it). PostgreSQL was up for the whole
//     request, so the visit must have been recorded: each must be counted.
//   - uncertain: overlapping the window. Counted or not, and never twice.
// Right after the run: certain <= counted <= certain + uncertain. Then every uncertain visitor
// comes back once (same User-Agent, the same day): the total must then equal the number of
// distinct visitors exactly — a lost visit is recorded now, a visit whose commit outcome was
// unknown is not counted again.
// An import is acknowledged when `bdp import` exits 0: its practice must then be stored and be
// served by both nodes.
//
// Runs when BDP_TEST_POSTGRES_URL and BDP_TEST_POSTGRES_RESTART are set (scripts/with-postgres.sh).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <iostream>
#include <mutex>
#include <regex>
#include <tuple>

#include "bdp_process.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A client waits this long for an answer; slower counts as no answer.
constexpr int kClientTimeoutMs = 10000;
// Every answer, also the 503s of the outage, must come within this.
constexpr auto kMaxAnswer = milliseconds(3000);
// Both nodes must be healthy again within this after the restart command returned.
constexpr auto kMaxRecovery = milliseconds(3000);
constexpr int kClients = 4;

long long ms(Clock::duration d) {
  return std::chrono::duration_cast<milliseconds>(d).count();
}

struct Exchange {
  int node = 0;
  std::string target;
  std::string user_agent;  // empty: not a page view (/healthz)
  int expected = 200;      // the status while PostgreSQL is up
  Clock::time_point start, end;
  int status = 0;  // 0: no answer (connection closed or timed out)
  bool portal_error_page = false;
  std::string failure;  // when there was no answer
};

struct ImportRun {
  std::int64_t practice_id = 0;
  Clock::time_point start, end;
  int exit_code = -1;
  std::string output;
};

class PostgresRestartHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
    const char* restart = std::getenv("BDP_TEST_POSTGRES_RESTART");
    if (!url || !*url || !restart || !*restart) {
      GTEST_SKIP() << "needs a PostgreSQL the test may restart: BDP_TEST_POSTGRES_URL or "
                      "BDP_TEST_POSTGRES_RESTART is not set (run under scripts/with-postgres.sh)";
    }
    restart_command = restart;
    db = std::make_unique<TestDatabase>("postgres");
    const std::vector<std::string> flags = {"--no-access-log"};
    nodes[0] = std::make_unique<BdpServer>(*db, flags);  // fills the database with the demo data
    nodes[1] = std::make_unique<BdpServer>(*db, flags);
    auto opened = open_store(db->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
  }
  void TearDown() override {
    store.reset();
    nodes[0].reset();
    nodes[1].reset();
    db.reset();
  }

  Exchange exchange(int node, std::string target, std::string user_agent, int expected) const {
    Exchange e;
    e.node = node;
    e.target = std::move(target);
    e.user_agent = std::move(user_agent);
    e.expected = expected;
    const std::string headers = e.user_agent.empty() ? "" : as_visitor(e.user_agent);
    e.start = Clock::now();
    TestClient client(nodes[node]->port(), kClientTimeoutMs);
    std::optional<RawResponse> r;
    if (!client.connected()) {
      e.failure = "cannot connect";
    } else if (!client.send(get_request(e.target, headers))) {
      e.failure = "cannot send";
    } else if (r = client.read_response(); !r) {
      e.failure = "closed or timed out";
    }
    e.end = Clock::now();
    if (r) {
      e.status = r->status;
      e.portal_error_page = r->body.find("Serwis chwilowo niedostępny") != std::string::npos &&
                            r->header("retry-after").has_value();
    }
    return e;
  }

  // The stored total once the nodes' batched visitor writes (every 200 ms) have landed.
  std::int64_t visitor_total() const {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    auto totals = store->visitor_totals();
    EXPECT_TRUE(totals) << totals.error().message;
    return totals ? totals->total : -1;
  }

  // Imports practice `id` (unit 1, section 3 of the demo data) with `bdp import`.
  ImportRun import_practice(std::int64_t id) const {
    ImportRun run;
    run.practice_id = id;
    const auto file = db->dir() / ("import-" + std::to_string(id) + ".json");
    std::ofstream(file) << R"({"format":"bdp","version":1,"sections":[],"units":[],"practices":[)"
                        << R"({"id":)" << id << R"(,"slug":"restart-)" << id
                        << R"(","title":"Praktyka z importu )" << id
                        << R"(","summary":"Opis.","entered_on":"2026-11-01","unit_id":1,)"
                        << R"("section_ids":[3],"status":"published"}]})";
    run.start = Clock::now();
    std::tie(run.exit_code, run.output) =
        run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
    run.end = Clock::now();
    return run;
  }

  std::string restart_command;
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> nodes[2];
  std::unique_ptr<Store> store;
};

// Polls /healthz of both nodes; records when each was first healthy after arm().
class RecoveryWatch {
 public:
  void watch(std::function<Exchange(int)> probe) {
    thread_ = std::thread([this, probe] {
      while (!stop_) {
        for (int node = 0; node < 2; ++node) {
          Exchange e = probe(node);
          std::lock_guard lock(mutex_);
          if (e.status == 200 && armed_ && !recovered_[node]) recovered_[node] = e.end;
          probes_.push_back(std::move(e));
        }
        std::this_thread::sleep_for(milliseconds(20));
      }
    });
  }
  // Starts looking for recovery (call when the restart command has returned).
  void arm() {
    std::lock_guard lock(mutex_);
    armed_ = true;
  }
  std::optional<Clock::time_point> recovered(int node) {
    std::lock_guard lock(mutex_);
    return recovered_[node];
  }
  std::vector<Exchange> finish() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return std::move(probes_);
  }
  ~RecoveryWatch() { finish(); }

 private:
  std::atomic<bool> stop_ = false;
  std::mutex mutex_;
  bool armed_ = false;
  std::optional<Clock::time_point> recovered_[2];
  std::vector<Exchange> probes_;
  std::thread thread_;
};

TEST_F(PostgresRestartHttp, RequestsDuringARestartAreAnsweredAndNothingAcknowledgedIsLost) {
  // A published practice of the demo data, a practice that does not exist (a page that asks the
  // database on every request: not found is never cached), the home page and a search.
  auto home = nodes[0]->get("/");
  ASSERT_TRUE(home && home->status == 200);
  std::smatch link;
  ASSERT_TRUE(
      std::regex_search(home->body, link, std::regex("href=\"(/praktyki/[0-9]+-[^\"/]+)\"")));
  const std::vector<std::pair<std::string, int>> targets = {
      {"/", 200}, {link[1].str(), 200}, {"/szukaj?q=pomoc", 200}, {"/praktyki/987654-brak", 404}};

  const std::int64_t visitors_before = visitor_total();
  ASSERT_GT(visitors_before, -1);

  std::atomic<bool> stop = false;
  std::mutex mutex;
  std::vector<Exchange> views;
  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        const auto& [target, expected] = targets[static_cast<std::size_t>(i + t) % targets.size()];
        Exchange e =
            exchange((i + t) % 2, target,
                     "bdp-restart-test/" + std::to_string(t) + "." + std::to_string(i), expected);
        std::lock_guard lock(mutex);
        views.push_back(std::move(e));
      }
    });
  }
  std::vector<ImportRun> imports;
  std::thread importer([&] {
    for (std::int64_t id = 900; !stop; ++id) imports.push_back(import_practice(id));
  });
  RecoveryWatch watch;
  watch.watch([&](int node) { return exchange(node, "/healthz", "", 200); });

  std::this_thread::sleep_for(milliseconds(1500));
  const auto restart_began = Clock::now();
  const int restarted = std::system(restart_command.c_str());
  const auto restart_ended = Clock::now();
  watch.arm();
  const auto deadline = restart_ended + std::chrono::seconds(15);
  while ((!watch.recovered(0) || !watch.recovered(1)) && Clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  std::this_thread::sleep_for(milliseconds(1500));  // load goes on after the recovery
  stop = true;
  for (auto& c : clients) c.join();
  importer.join();
  const auto probes = watch.finish();
  ASSERT_EQ(restarted, 0) << "the restart command failed: " << restart_command;
  const auto recovered = std::array{watch.recovered(0), watch.recovered(1)};
  ASSERT_TRUE(recovered[0] && recovered[1]) << "a node did not become healthy again within 15 s";
  for (int node = 0; node < 2; ++node) {
    EXPECT_LE(*recovered[node] - restart_ended, kMaxRecovery) << "node " << node;
  }

  // Every answer: its usual status, or the portal's 503 page within the node's outage window.
  auto in_outage = [&](const Exchange& e) {
    return e.end >= restart_began && e.start <= *recovered[e.node];
  };
  int no_answer = 0, unavailable = 0, certain = 0, uncertain = 0;
  Clock::duration slowest{};
  auto check = [&](const Exchange& e) {
    slowest = std::max(slowest, e.end - e.start);
    EXPECT_LE(e.end - e.start, kMaxAnswer)
        << e.target << " on node " << e.node << " took " << ms(e.end - e.start) << " ms";
    if (e.status == 0) {
      ++no_answer;
      ADD_FAILURE() << "no answer (" << e.failure << ") to " << e.target << " on node " << e.node
                    << " after " << ms(e.end - e.start) << " ms, " << ms(e.start - restart_began)
                    << " ms after the restart began";
      return;
    }
    if (e.status == 503) {
      ++unavailable;
      EXPECT_TRUE(in_outage(e)) << e.target << ": 503 " << ms(e.start - *recovered[e.node])
                                << " ms after node " << e.node << " was healthy again";
      if (!e.user_agent.empty()) {
        EXPECT_TRUE(e.portal_error_page) << e.target;
      }
    } else {
      EXPECT_EQ(e.status, e.expected) << e.target << " on node " << e.node;
    }
    // Only a page answered 200 counts its visitor (a 404 never does, a 503 not until it returns).
    if (!e.user_agent.empty() && e.expected == 200) ++(in_outage(e) ? uncertain : certain);
  };
  for (const auto& e : views) check(e);
  for (const auto& e : probes) check(e);
  EXPECT_EQ(no_answer, 0);
  EXPECT_GT(unavailable, 0) << "the outage was not seen: the test did not test";

  // Visitors: see the comment at the top of the file.
  const std::int64_t counted = visitor_total() - visitors_before;
  EXPECT_GE(counted, certain) << "a visit recorded while PostgreSQL was up was lost";
  EXPECT_LE(counted, certain + uncertain) << "a visitor was counted twice";
  int returned = 0;
  for (const auto& e : views) {
    if (!in_outage(e)) continue;
    auto again = exchange(1 - e.node, e.target, e.user_agent, e.expected);
    EXPECT_EQ(again.status, e.expected) << "return visit to " << e.target;
    ++returned;
  }
  EXPECT_EQ(visitor_total() - visitors_before, certain + uncertain)
      << "after every visitor of the outage came back once";

  // Imports: exit 0 is an acknowledgement; a failure says why.
  int acknowledged = 0;
  for (const auto& run : imports) {
    auto stored = store->practice(run.practice_id);
    if (run.exit_code == 0) {
      ++acknowledged;
      ASSERT_TRUE(stored) << "import of " << run.practice_id << " exited 0 but the practice is "
                          << "missing: " << stored.error().message;
      EXPECT_EQ(stored->title, "Praktyka z importu " + std::to_string(run.practice_id));
      for (int node = 0; node < 2; ++node) {
        const auto path = "/praktyki/" + std::to_string(run.practice_id) + "-restart-" +
                          std::to_string(run.practice_id);
        EXPECT_EQ(exchange(node, path, "", 200).status, 200) << path << " on node " << node;
      }
    } else {
      // The outcome of a failed commit is unknown, so the practice may or may not be there.
      EXPECT_NE(run.output.find("database unavailable"), std::string::npos) << run.output;
    }
  }
  EXPECT_GT(acknowledged, 0);
  for (int node = 0; node < 2; ++node) {
    EXPECT_EQ(nodes[node]->log().find("[critical]"), std::string::npos) << nodes[node]->log();
  }

  std::cout << "[ restart ] restart command " << ms(restart_ended - restart_began)
            << " ms; healthy again " << ms(*recovered[0] - restart_ended) << " / "
            << ms(*recovered[1] - restart_ended) << " ms after it (nodes 0 / 1); "
            << views.size() + probes.size() << " requests, " << unavailable << " answered 503, "
            << no_answer << " unanswered, slowest " << ms(slowest) << " ms; visitors: " << certain
            << " certain, " << uncertain << " in the outage (" << counted - certain
            << " of them counted before their return visit, " << returned
            << " returned); imports: " << acknowledged << " of " << imports.size()
            << " acknowledged\n";
}

}  // namespace
}  // namespace bdp::testing
