// A follower of the PostgreSQL change log (another node's search index) reading `seq > last` while
// several writers commit at once must see every entry: seqs commit in the order they are drawn.
// Runs when BDP_TEST_POSTGRES_URL is set.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <set>
#include <thread>
#include <vector>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

TEST(PostgresFollowerTest, FollowerReadingConcurrentCommitsNeverSkipsASeq) {
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  if (!url || !*url) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set";
  auto opened = postgres_engine(url).open();
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = *(*opened)->store;
  ASSERT_TRUE(store.migrate());
  auto unit = store.save_unit(sample_unit());
  ASSERT_TRUE(unit);

  constexpr int kWriters = 6, kWritesEach = 40;
  std::atomic<int> writers_left = kWriters;
  std::vector<std::thread> writers;
  for (int t = 0; t < kWriters; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        Practice p = sample_practice(*unit, {}, "W" + std::to_string(t) + "-" + std::to_string(i));
        EXPECT_TRUE(store.save_practice(p));
      }
      --writers_left;
    });
  }
  // The follower only ever asks for what comes after the last seq it saw, like a real one.
  std::set<std::int64_t> seen;
  std::int64_t last = 0;
  auto follow = [&] {
    auto changes = store.changes_since(last, 7);
    ASSERT_TRUE(changes) << changes.error().message;
    for (const auto& change : *changes) {
      seen.insert(change.seq);
      last = change.seq;
    }
  };
  while (writers_left > 0) follow();
  for (auto& w : writers) w.join();
  for (auto before = last - 1; before != last;) {
    before = last;
    follow();
  }

  auto all = store.changes_since(0, 100000);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u + kWriters * kWritesEach);
  std::set<std::int64_t> committed;
  for (const auto& change : *all) committed.insert(change.seq);
  EXPECT_EQ(seen, committed);
}

}  // namespace
}  // namespace bdp::testing
