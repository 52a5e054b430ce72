// Several app nodes starting at once against one PostgreSQL database: each runs migrate(), the
// schema is created once and every node can use it. Runs when BDP_TEST_POSTGRES_URL is set.
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>
#include <vector>

#include "samples.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/scratch_schema.h"

namespace bdp::testing {
namespace {

TEST(PostgresMigrateTest, NodesMigratingAtOnceAllSucceedOnOneSchema) {
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  if (!url || !*url) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set";
  auto schema = create_scratch_schema(url);
  ASSERT_TRUE(schema) << schema.error().message;

  constexpr int kNodes = 4;
  std::vector<std::unique_ptr<Store>> nodes;
  for (int n = 0; n < kNodes; ++n) {
    auto store = open_postgres_store(schema->url);
    ASSERT_TRUE(store) << store.error().message;
    nodes.push_back(std::move(*store));
  }
  std::vector<Status> migrated(kNodes);
  std::vector<std::thread> threads;
  for (int n = 0; n < kNodes; ++n) {
    threads.emplace_back([&, n] { migrated[n] = nodes[n]->migrate(); });
  }
  for (auto& t : threads) t.join();
  for (const auto& status : migrated) EXPECT_TRUE(status) << status.error().message;

  auto unit = nodes[0]->save_unit(sample_unit());
  ASSERT_TRUE(unit) << unit.error().message;
  for (auto& node : nodes) {
    auto read = node->unit(*unit);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->slug, "srem-wielkopolskie");
  }
  nodes.clear();
  EXPECT_TRUE(drop_scratch_schema(*schema));
}

}  // namespace
}  // namespace bdp::testing
