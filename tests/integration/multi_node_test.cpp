// End to end: two `bdp serve` nodes on one PostgreSQL database (two ports), as behind a load
// balancer. A write reaches both nodes within a second through the shared change log, and the
// visitor counter stays exact when the same visitors hit both nodes at once. Visitors are told
// apart by X-Forwarded-For, as nginx sends it, so this also tests --trusted-proxy.
// Editors' sessions live in the database: a login on one node holds on the other, and a
// logout on either ends it on both.
#include <gtest/gtest.h>

#include <atomic>

#include "editor_client.h"

namespace bdp::testing {
namespace {

class MultiNode : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
    if (!url || !*url) {
      GTEST_SKIP() << "several nodes need a shared PostgreSQL: BDP_TEST_POSTGRES_URL is not set "
                      "(run under scripts/with-postgres.sh)";
    }
    db = std::make_unique<TestDatabase>("postgres");
    add_editor(*db, "anna@gmina.pl", "Anna Kowalska");
    const std::vector<std::string> flags = {"--no-access-log", "--trusted-proxy", "127.0.0.1"};
    // One after the other: the first fills the empty database with the demo data.
    a = std::make_unique<BdpServer>(*db, flags);
    b = std::make_unique<BdpServer>(*db, flags);
  }
  void TearDown() override {
    a.reset();
    b.reset();
    db.reset();
  }

  // The visitor total a node shows, as the visitor `client` (who is counted too), or -1.
  static long long counter(const BdpServer& node, const std::string& client) {
    return shown_visitor_total(node,
                               "User-Agent: Mozilla/5.0\r\nX-Forwarded-For: " + client + "\r\n");
  }

  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> a, b;
};

TEST_F(MultiNode, AnImportedPracticeShowsOnBothNodesWithinASecond) {
  ASSERT_EQ(a->get("/praktyki/77-nowa")->status, 404);
  ASSERT_EQ(b->get("/praktyki/77-nowa")->status, 404);
  ASSERT_EQ(b->get("/szukaj?q=partycypacyjny")->body.find("77-nowa"), std::string::npos);
  const auto file = db->dir() / "new.json";
  std::ofstream(file) << R"({"format":"bdp","version":1,"sections":[],"units":[],
    "practices":[{"id":77,"slug":"nowa","title":"Budżet partycypacyjny w Śremie","summary":"Opis.",
      "entered_on":"2026-11-01","unit_id":1,"section_ids":[3],"status":"published"}]})";
  auto [code, out] = run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
  ASSERT_EQ(code, 0) << out;
  for (BdpServer* node : {a.get(), b.get()}) {
    EXPECT_TRUE(within(std::chrono::seconds(1),
                       [&] { return node->get("/praktyki/77-nowa")->status == 200; }))
        << "node on port " << node->port();
    EXPECT_TRUE(within(std::chrono::milliseconds(200),
                       [&] {
                         return node->get("/szukaj?q=partycypacyjny")->body.find("77-nowa") !=
                                std::string::npos;
                       }))
        << "the search index of the node on port " << node->port();
  }
}

TEST_F(MultiNode, VisitorsSpreadOverBothNodesAreCountedExactlyOnce) {
  const long long before = counter(*a, "192.0.2.250");
  ASSERT_GT(before, 0);
  constexpr int kVisitors = 60;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < kVisitors; i += 6) {
        const std::string header =
            "User-Agent: Mozilla/5.0\r\nX-Forwarded-For: 198.51.100." + std::to_string(i) + "\r\n";
        // Each visitor comes to both nodes, twice, in an order that varies.
        for (int hit = 0; hit < 4; ++hit) {
          const BdpServer& node = (i + hit) % 2 ? *a : *b;
          auto r = node.get("/", header);
          if (!r || r->status != 200) ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  // The reading visitor was counted by the first reading; each node refreshes the total from
  // the database.
  const long long expected = before + kVisitors;
  long long on_a = 0, on_b = 0;
  EXPECT_TRUE(within(std::chrono::seconds(1),
                     [&] {
                       on_a = counter(*a, "192.0.2.250");
                       on_b = counter(*b, "192.0.2.250");
                       return on_a == expected && on_b == expected;
                     }))
      << "node A shows " << on_a << ", node B " << on_b << ", expected " << expected;
}

TEST_F(MultiNode, ASessionFromNodeAWorksOnNodeBAndLogoutOnBEndsItOnA) {
  auto login = log_in(*a, "anna@gmina.pl");
  ASSERT_EQ(login.status, 303) << login.body;
  const auto session = set_cookie_value(login, "bdp_session");
  auto on_b = b->get("/redakcja", session_header(session));
  ASSERT_TRUE(on_b);
  ASSERT_EQ(on_b->status, 200);
  EXPECT_NE(on_b->body.find("Anna Kowalska"), std::string::npos);
  // The logout form's token, read on A, is accepted by B: it is derived from the session.
  const auto csrf = csrf_field(a->get("/redakcja", session_header(session))->body);
  auto out = b->request(post_request("/redakcja/wyloguj", "csrf=" + csrf, session_header(session)));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(a->get("/redakcja", session_header(session))->status, 303);
  EXPECT_EQ(b->get("/redakcja", session_header(session))->status, 303);
}

// The back office's changes of the catalogue (a section renamed, a unit edited, the branding) on
// node A: node B shows them within a second, its cached pages dropped, the old addresses
// answering 301.
TEST_F(MultiNode, ASectionAUnitAndTheBrandingChangedOnNodeAShowOnNodeBWithinASecond) {
  // A demo practice filed in the section "Pomoc społeczna", of the unit Śrem.
  const std::string kPractice =
      "/praktyki/"
      "2-program-aktywnosci-lokalnej-w-gminie-srem-jako-innowacyjne-narzedzie-ksztaltujac";
  const auto session = session_of(*a, "anna@gmina.pl");
  // Cached on B before the change.
  ASSERT_NE(b->get(kPractice)->body.find("Pomoc społeczna"), std::string::npos);
  ASSERT_EQ(b->get("/jednostki/srem-wielkopolskie")->status, 200);
  const auto csrf = csrf_field(a->get("/redakcja", session)->body);
  auto renamed = a->request(post_request(
      "/redakcja/dzialy/3",
      "csrf=" + csrf + "&nazwa=Pomoc+rodzinie&slug=pomoc-rodzinie&nadrzedny=1", session));
  ASSERT_EQ(renamed->status, 303) << renamed->body;
  auto edited = a->request(post_request(
      "/redakcja/jednostki/1",
      "csrf=" + csrf + "&nazwa=%C5%9Arem&slug=srem-wlkp&wojewodztwo=wielkopolskie&teryt=3026043",
      session));
  ASSERT_EQ(edited->status, 303) << edited->body;
  auto branded = a->request(
      post_request("/redakcja/wyglad", "csrf=" + csrf + "&naglowek=Program+Lider+2027", session));
  ASSERT_EQ(branded->status, 303) << branded->body;
  EXPECT_TRUE(within(std::chrono::seconds(1), [&] {
    auto page = b->get(kPractice);
    return page->body.find("Pomoc rodzinie") != std::string::npos &&
           page->body.find("/jednostki/srem-wlkp") != std::string::npos &&
           page->body.find("Program Lider 2027") != std::string::npos;
  })) << "the practice page on B names the new section and unit, under the new header";
  EXPECT_EQ(b->get("/dzialy/pomoc-rodzinie")->status, 200);
  EXPECT_EQ(b->get("/dzialy/pomoc-spoleczna")->header("location"), "/dzialy/pomoc-rodzinie");
  EXPECT_EQ(b->get("/jednostki/srem-wielkopolskie")->header("location"), "/jednostki/srem-wlkp");
  EXPECT_EQ(b->get("/jednostki/srem-wlkp")->status, 200);
}

}  // namespace
}  // namespace bdp::testing
