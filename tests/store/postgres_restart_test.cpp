// PostgreSQL restarted under load: writers keep writing while the server restarts. Calls fail
// cleanly with unavailable (the web layer's 503) rather than hanging or crashing, the pool
// reconnects by itself, and every write that was acknowledged is still there afterwards.
// Runs when BDP_TEST_POSTGRES_URL and BDP_TEST_POSTGRES_RESTART (a command that restarts the
// server, exported by scripts/with-postgres.sh) are set.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

using Clock = std::chrono::steady_clock;

struct WriterLog {
  std::mutex mutex;
  std::map<std::int64_t, std::string> acknowledged;  // unit id -> slug
  std::map<ErrorKind, int> failures;
  std::vector<std::string> unexpected;  // messages of failures other than unavailable
  Clock::duration slowest_call{};
};

TEST(PostgresRestartTest, WritesDuringARestartFailCleanlyAndNoAcknowledgedWriteIsLost) {
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  const char* restart = std::getenv("BDP_TEST_POSTGRES_RESTART");
  if (!url || !*url || !restart || !*restart) {
    GTEST_SKIP() << "BDP_TEST_POSTGRES_URL or BDP_TEST_POSTGRES_RESTART is not set";
  }
  auto opened = postgres_engine(url).open();
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = *(*opened)->store;
  ASSERT_TRUE(store.migrate());

  constexpr int kWriters = 4, kRestarts = 2;
  std::atomic<bool> stop = false;
  std::atomic<int> acknowledged_since_restart = 0;
  WriterLog log;
  std::vector<std::thread> writers;
  for (int t = 0; t < kWriters; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        std::string slug = "w" + std::to_string(t) + "-" + std::to_string(i);
        auto start = Clock::now();
        auto id = store.save_unit(sample_unit(slug));
        auto took = Clock::now() - start;
        std::lock_guard lock(log.mutex);
        EXPECT_LT(took, std::chrono::seconds(12)) << "a call hung while the server was away";
        log.slowest_call = std::max(log.slowest_call, took);
        if (id) {
          log.acknowledged[*id] = slug;
          ++acknowledged_since_restart;
        } else {
          ++log.failures[id.error().kind];
          if (id.error().kind != ErrorKind::unavailable)
            log.unexpected.push_back(id.error().message);
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      }
    });
  }
  auto wait_for_writes = [&](int count) {
    auto deadline = Clock::now() + std::chrono::seconds(30);
    while (acknowledged_since_restart < count && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return acknowledged_since_restart >= count;
  };
  bool wrote = wait_for_writes(50);
  Clock::duration longest_outage{};
  for (int r = 0; wrote && r < kRestarts; ++r) {
    auto began = Clock::now();
    EXPECT_EQ(std::system(restart), 0) << "the restart command failed: " << restart;
    acknowledged_since_restart = 0;
    wrote = wait_for_writes(1);  // the pool reconnected by itself
    longest_outage = std::max(longest_outage, Clock::now() - began);
    wrote = wrote && wait_for_writes(50);
  }
  stop = true;
  for (auto& w : writers) w.join();
  ASSERT_TRUE(wrote) << "writes did not resume after a restart";

  EXPECT_TRUE(log.unexpected.empty()) << log.unexpected.front();
  auto units = store.units();
  ASSERT_TRUE(units) << units.error().message;
  std::map<std::int64_t, std::string> stored;
  for (const auto& unit : *units) stored[unit.id] = unit.slug;
  int lost = 0;
  for (const auto& [id, slug] : log.acknowledged) {
    auto found = stored.find(id);
    if (found == stored.end() || found->second != slug) ++lost;
  }
  EXPECT_EQ(lost, 0) << "of " << log.acknowledged.size() << " acknowledged writes";
  // A write whose COMMIT outcome was unknown may or may not be there; nothing else may be.
  EXPECT_LE(stored.size(),
            log.acknowledged.size() + static_cast<std::size_t>(kWriters * kRestarts));
  std::cout << "[ restart ] " << log.acknowledged.size() << " writes acknowledged, "
            << log.failures[ErrorKind::unavailable] << " failed as unavailable over " << kRestarts
            << " restarts; longest outage (restart command to next acknowledged write) "
            << std::chrono::duration_cast<std::chrono::milliseconds>(longest_outage).count()
            << " ms, slowest call "
            << std::chrono::duration_cast<std::chrono::milliseconds>(log.slowest_call).count()
            << " ms\n";
}

}  // namespace
}  // namespace bdp::testing
