// The PostgreSQL connection pool and connections: bounded failures when the server is absent or
// every connection is busy, and a lease never inherits another's transaction. The tests that need
// a server run when BDP_TEST_POSTGRES_URL is set (scripts/with-postgres.sh sets it).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "store/postgres/connection_pool.h"
#include "store/postgres/postgres_store.h"

namespace bdp::pg {
namespace {

using Clock = std::chrono::steady_clock;

std::string server_url() {
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  return url ? url : "";
}

TEST(PostgresPoolTest, OpeningAStoreWithNoServerListeningIsUnavailableAtOnce) {
  auto start = Clock::now();
  auto store = open_postgres_store("postgresql://bdp@127.0.0.1:1/bdp");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::unavailable) << store.error().message;
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
}

TEST(PostgresPoolTest, MalformedUrlIsInvalidInput) {
  auto store = open_postgres_store("postgresql://127.0.0.1/bdp?no_such_setting=1");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::invalid_input) << store.error().message;
}

TEST(PostgresPoolTest, WaitingForABusyPoolEndsUnavailableAfterTheBound) {
  if (server_url().empty()) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set";
  ConnectionPool pool(server_url(), PoolOptions{1, std::chrono::milliseconds(200)});
  auto held = pool.acquire();
  ASSERT_TRUE(held) << held.error().message;
  auto start = Clock::now();
  auto second = pool.acquire();
  auto waited = Clock::now() - start;
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::unavailable);
  EXPECT_GE(waited, std::chrono::milliseconds(190));
  EXPECT_LT(waited, std::chrono::seconds(2));
}

TEST(PostgresPoolTest, AConnectionReturnedInsideATransactionIsRolledBack) {
  if (server_url().empty()) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set";
  ConnectionPool pool(server_url(), PoolOptions{1, std::chrono::milliseconds(1000)});
  {
    auto lease = pool.acquire();
    ASSERT_TRUE(lease);
    ASSERT_TRUE((*lease)->exec("BEGIN"));
    ASSERT_TRUE((*lease)->exec("CREATE TEMP TABLE left_behind (x int)"));
    EXPECT_FALSE((*lease)->idle());
  }
  auto lease = pool.acquire();
  ASSERT_TRUE(lease);
  EXPECT_TRUE((*lease)->idle());
  auto found = (*lease)->exec("SELECT to_regclass('pg_temp.left_behind') IS NULL");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_TRUE(found->boolean(0, 0));
}

TEST(PostgresPoolTest, StatementsTakeParametersAndReportErrorsByKind) {
  if (server_url().empty()) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set";
  ConnectionPool pool(server_url(), PoolOptions{1, std::chrono::milliseconds(1000)});
  auto lease = pool.acquire();
  ASSERT_TRUE(lease);
  // A parameter is data, never SQL, whatever it holds; the second run reuses the prepared one.
  for (std::string text : {"'); DROP TABLE x; --", "Łódź"}) {
    auto echoed = (*lease)->exec("SELECT $1::text, $2::bigint IS NULL", {param(text), {}});
    ASSERT_TRUE(echoed) << echoed.error().message;
    EXPECT_EQ(echoed->text(0, 0), text);
    EXPECT_TRUE(echoed->boolean(0, 1));
  }
  auto bad_date = (*lease)->exec("SELECT $1::date", {param(std::string("2024-02-30"))});
  ASSERT_FALSE(bad_date);
  EXPECT_EQ(bad_date.error().kind, ErrorKind::invalid_input);
  auto syntax = (*lease)->exec("SELEC 1");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().kind, ErrorKind::internal);
  // Messages carry the server's words without libpq's "ERROR:" prefix or line breaks.
  EXPECT_NE(syntax.error().message.find("syntax error"), std::string::npos);
  EXPECT_EQ(syntax.error().message.find("ERROR:"), std::string::npos);
  EXPECT_EQ(syntax.error().message.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace bdp::pg
