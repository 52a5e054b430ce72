// The visitor counter: exactly one count per (day, visitor), also under many threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "engines.h"

namespace bdp::testing {
namespace {

class VisitorTest : public StoreTest {};
BDP_STORE_TEST_ON_ALL_ENGINES(VisitorTest);

TEST_P(VisitorTest, AVisitorCountsOncePerDay) {
  EXPECT_EQ(store().visitor_totals()->total, 0);
  EXPECT_EQ(store().record_visits("2026-01-10", {"abc"})->total, 1);
  EXPECT_EQ(store().record_visits("2026-01-10", {"abc"})->total, 1);
  EXPECT_EQ(store().record_visits("2026-01-10", {"def"})->total, 2);
  EXPECT_EQ(store().record_visits("2026-01-11", {"abc"})->total, 3);
  EXPECT_EQ(store().visitor_totals()->total, 3);
}

TEST_P(VisitorTest, CountIsExactUnderSixteenThreadsWithDuplicates) {
  constexpr int kThreads = 16;
  constexpr int kDistinct = 400;
  ASSERT_TRUE(store().record_visits("2026-02-01", {"before"}));
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Every thread records every visitor, each starting elsewhere so that they collide.
      for (int i = 0; i < kDistinct; ++i) {
        int visitor = (i + t * 25) % kDistinct;
        if (!store().record_visits("2026-02-02", {"v" + std::to_string(visitor)})) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(store().visitor_totals()->total, 1 + kDistinct);
}

TEST_P(VisitorTest, BaseIsAddedToTheCount) {
  ASSERT_TRUE(store().record_visits("2026-01-10", {"abc"}));
  ASSERT_TRUE(store().set_visitor_base(1756567));
  EXPECT_EQ(store().visitor_totals()->total, 1756568);
  ASSERT_TRUE(store().set_visitor_base(10));
  EXPECT_EQ(store().record_visits("2026-01-10", {"def"})->total, 12);
  EXPECT_EQ(store().set_visitor_base(-1).error().kind, ErrorKind::invalid_input);
}

TEST_P(VisitorTest, PastDaysKeepTheirCountAfterTheirHashesAreForgotten) {
  ASSERT_TRUE(store().record_visits("2026-01-01", {"a"}));
  ASSERT_TRUE(store().record_visits("2026-01-01", {"b"}));
  ASSERT_TRUE(store().record_visits("2026-03-01", {"a"}));
  EXPECT_EQ(store().visitor_totals()->total, 3);
}

TEST_P(VisitorTest, ABatchCountsEachNewVisitorOnceInOneCall) {
  ASSERT_TRUE(store().record_visits("2026-01-10", {"abc"}));
  EXPECT_EQ(store().record_visits("2026-01-10", {"abc", "def", "ghi", "def"})->total, 3);
  EXPECT_EQ(store().record_visits("2026-01-10", {})->total, 3);
}

TEST_P(VisitorTest, TellsWhoWasCountedOnADay) {
  ASSERT_TRUE(store().record_visits("2026-01-10", {"abc", "def"}));
  ASSERT_TRUE(store().record_visits("2026-01-11", {"ghi"}));
  auto on_tenth = store().visitors_on("2026-01-10");
  ASSERT_TRUE(on_tenth);
  std::sort(on_tenth->begin(), on_tenth->end());
  EXPECT_EQ(*on_tenth, (std::vector<std::string>{"abc", "def"}));
  EXPECT_EQ(*store().visitors_on("2026-01-11"), std::vector<std::string>{"ghi"});
  EXPECT_TRUE(store().visitors_on("2026-01-12")->empty());
}

TEST_P(VisitorTest, ABatchWithOneBadVisitRecordsNothing) {
  EXPECT_EQ(store().record_visits("2026-01-10", {"abc", ""}).error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(store().visitor_totals()->total, 0);
}

TEST_P(VisitorTest, BadVisitsAreInvalidInput) {
  EXPECT_EQ(store().record_visits("2026-13-01", {"a"}).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().record_visits("yesterday", {"a"}).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().record_visits("2026-01-01", {""}).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().visitor_totals()->total, 0);
}

TEST_P(VisitorTest, DailySaltIsRandomStablePerDayAndNewEachDay) {
  auto first = store().daily_salt("2026-01-10");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->size(), 32u);
  EXPECT_EQ(store().daily_salt("2026-01-10"), *first);
  auto next = store().daily_salt("2026-01-11");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->size(), 32u);
  EXPECT_NE(*next, *first);
  EXPECT_EQ(store().daily_salt("10.01.2026").error().kind, ErrorKind::invalid_input);
}

TEST_P(VisitorTest, ConcurrentCallersGetTheSameSalt) {
  std::vector<std::string> salts(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] { salts[t] = store().daily_salt("2026-04-01").value_or(""); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& salt : salts) {
    EXPECT_EQ(salt.size(), 32u);
    EXPECT_EQ(salt, salts[0]);
  }
}

}  // namespace
}  // namespace bdp::testing
