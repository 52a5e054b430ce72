// The visitor counter counts people: bots and User-Agent floods from one address are not
// visitors, and new visitors reach the store in batches, not one write per request.
#include "web/visitor_counter.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../support/failing_store.h"
#include "store/store.h"

namespace bdp::web {
namespace {

class VisitorCounterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_store("sqlite::memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    sqlite = std::move(*opened);
    ASSERT_TRUE(sqlite->migrate());
    store = std::make_unique<bdp::testing::FailingStore>(*sqlite);
  }
  std::unique_ptr<VisitorCounter> make(VisitorRules rules = {}) {
    return std::make_unique<VisitorCounter>(
        *store, [this] { return today; }, rules);
  }
  std::int64_t stored() { return sqlite->visitor_totals().value().total; }

  std::unique_ptr<Store> sqlite;
  std::unique_ptr<bdp::testing::FailingStore> store;
  std::string today = "2026-12-01";
};

TEST_F(VisitorCounterTest, ThirtyThousandUserAgentsFromOneAddressAreThreeVisitors) {
  auto counter = make();
  for (int i = 0; i < 30000; ++i) counter->visit("203.0.113.9", "agent-" + std::to_string(i));
  counter->flush();
  EXPECT_EQ(stored(), 3);
  EXPECT_EQ(counter->total(), 3);
}

TEST_F(VisitorCounterTest, DifferentAddressesAreDifferentVisitorsAndAReturnIsNot) {
  auto counter = make();
  counter->visit("203.0.113.1", "Mozilla/5.0");
  counter->visit("203.0.113.2", "Mozilla/5.0");
  counter->visit("203.0.113.1", "Mozilla/5.0");
  counter->flush();
  EXPECT_EQ(stored(), 2);
}

TEST_F(VisitorCounterTest, BotsMonitorsAndNamelessClientsAreNotCounted) {
  auto counter = make();
  for (std::string agent :
       {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/7.88.1", "Wget/1.21.3",
        "python-requests/2.31", "Go-http-client/1.1", "facebookexternalhit/1.1", ""}) {
    counter->visit("198.51.100.7", agent);
  }
  counter->flush();
  EXPECT_EQ(stored(), 0);
  EXPECT_FALSE(VisitorCounter::is_bot(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari"));
}

TEST_F(VisitorCounterTest, NewVisitorsWaitForTheFlushAndAreShownMeanwhile) {
  auto counter = make();
  for (int i = 0; i < 50; ++i) counter->visit("10.0.0." + std::to_string(i), "Mozilla/5.0");
  EXPECT_EQ(stored(), 0) << "no write per request";
  EXPECT_EQ(counter->total(), 50) << "the visitors see themselves counted";
  counter->flush();
  EXPECT_EQ(stored(), 50);
}

TEST_F(VisitorCounterTest, AFullBatchIsWrittenWithoutWaitingForTheFlush) {
  VisitorRules rules;
  rules.max_pending = 10;
  auto counter = make(rules);
  for (int i = 0; i < 25; ++i) counter->visit("10.0.1." + std::to_string(i), "Mozilla/5.0");
  EXPECT_EQ(stored(), 20);
}

TEST_F(VisitorCounterTest, VisitsKeptWhileTheStoreIsDownAreWrittenWhenItReturns) {
  auto counter = make();
  counter->visit("10.0.2.1", "Mozilla/5.0");  // reads today's salt while the store is up
  store->fail_with({ErrorKind::unavailable, "down"});
  counter->visit("10.0.2.2", "Mozilla/5.0");
  counter->flush();
  EXPECT_EQ(counter->total(), 2);
  store->heal();
  counter->flush();
  EXPECT_EQ(stored(), 2);
}

TEST_F(VisitorCounterTest, ANewDayCountsTheSameAddressAgain) {
  auto counter = make();
  for (int i = 0; i < 5; ++i) counter->visit("10.0.3.1", "agent-" + std::to_string(i));
  today = "2026-12-02";
  for (int i = 0; i < 5; ++i) counter->visit("10.0.3.1", "agent-" + std::to_string(i));
  counter->flush();
  EXPECT_EQ(stored(), 6);
}

}  // namespace
}  // namespace bdp::web
