// The PostgreSQL connection pool and connections: bounded failures when the server is absent or
// every connection is busy, and a lease never inherits another's transaction. The tests that need
// a server run when BDP_TEST_POSTGRES_URL is set (scripts/with-postgres.sh sets it).
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

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

// A server that hangs: the kernel completes TCP handshakes into the backlog, nobody ever answers,
// so every connect waits for the whole connect timeout (as with a host that stopped responding).
class SilentListener {
 public:
  SilentListener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 64);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() { ::close(fd_); }
  std::string url() const {
    return "postgresql://bdp@127.0.0.1:" + std::to_string(port_) + "/bdp?connect_timeout=2";
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST(PostgresPoolTest, AfterAFailedConnectLeasesFailAtOnceAndOneCallerAtATimeRetries) {
  SilentListener server;
  ConnectionPool pool(server.url(), PoolOptions{4, std::chrono::milliseconds(1000),
                                                std::chrono::milliseconds(300)});
  auto start = Clock::now();
  auto first = pool.acquire();
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().kind, ErrorKind::unavailable) << first.error().message;
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(1900)) << "the connect timed out";

  // Within the retry interval: no connect is tried.
  start = Clock::now();
  auto second = pool.acquire();
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::unavailable);
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(100));

  // After it: of four concurrent callers, one probes (and waits the connect timeout), the others
  // fail at once instead of each blocking its thread for the timeout.
  std::this_thread::sleep_for(std::chrono::milliseconds(350));
  std::vector<Clock::duration> took(4);
  std::vector<std::thread> callers;
  for (std::size_t i = 0; i < took.size(); ++i) {
    callers.emplace_back([&, i] {
      const auto began = Clock::now();
      auto lease = pool.acquire();
      EXPECT_FALSE(lease);
      took[i] = Clock::now() - began;
    });
  }
  for (auto& caller : callers) caller.join();
  const auto slow = std::count_if(took.begin(), took.end(), [](Clock::duration d) {
    return d >= std::chrono::milliseconds(1900);
  });
  const auto fast = std::count_if(took.begin(), took.end(), [](Clock::duration d) {
    return d < std::chrono::milliseconds(100);
  });
  EXPECT_EQ(slow, 1);
  EXPECT_EQ(fast, 3);
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
    auto echoed =
        (*lease)->exec("SELECT $1::text, $2::bigint IS NULL", {sql::value(text), sql::Value{}});
    ASSERT_TRUE(echoed) << echoed.error().message;
    EXPECT_EQ(echoed->text(0, 0), text);
    EXPECT_TRUE(echoed->boolean(0, 1));
  }
  auto bad_date = (*lease)->exec("SELECT $1::date", {sql::value("2024-02-30")});
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
