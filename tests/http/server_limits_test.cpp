// The server's defences against hostile clients: framing that could smuggle a request, buffers a
// client could grow, connection caps, and slow work kept off the request threads.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http/server.h"
#include "http_client.h"
#include "server_fixture.h"

namespace bdp::http {
namespace {

using testing::get_request;
using testing::ServerTest;
using testing::TestClient;
using namespace std::chrono_literals;

constexpr std::string_view kChunkedPost =
    "POST /echo-body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";

// Sends `bytes` in pieces of `piece` until the server answers or stops reading; the status.
int status_after_flood(std::uint16_t port, std::string_view head, std::size_t total) {
  TestClient c(port);
  if (!c.send(head)) return 0;
  const std::string piece(4096, 'a');
  for (std::size_t sent = 0; sent < total; sent += piece.size()) {
    if (!c.send(piece)) break;  // the server closed its side: read what it answered
  }
  const auto r = c.read_response();
  return r ? r->status : 0;
}

TEST_F(ServerTest, AnEndlessChunkExtensionGets431) {
  start();
  EXPECT_EQ(status_after_flood(port(), std::string(kChunkedPost) + "5;ext=", 1 << 20), 431);
}

TEST_F(ServerTest, AnEndlessTrailerGets431) {
  start();
  EXPECT_EQ(
      status_after_flood(port(), std::string(kChunkedPost) + "1\r\nx\r\n0\r\nX-Trailer: ", 1 << 20),
      431);
}

TEST_F(ServerTest, ChunkedBodiesWithShortExtensionsAndTrailersStillWork) {
  start();
  const auto r = testing::fetch_from(
      port(), std::string(kChunkedPost) + "3;name=value\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "abcde");
}

TEST_F(ServerTest, ATransferEncodingNotEndingInChunkedGets400AndClose) {
  start();
  for (std::string coding : {"gzip", "chunked, gzip", "identity"}) {
    TestClient c(port());
    // Read as "no body", the body would be taken for a second request (smuggling).
    ASSERT_TRUE(c.send("POST /echo-body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: " + coding +
                       "\r\n\r\n" + get_request("/smuggled")));
    const auto r = c.read_response();
    ASSERT_TRUE(r) << coding;
    EXPECT_EQ(r->status, 400) << coding;
    EXPECT_TRUE(c.closed_by_peer()) << coding;
  }
}

TEST_F(ServerTest, Http11WithoutHostOrWithTwoHostsGets400) {
  start();
  EXPECT_EQ(testing::fetch_from(port(), "GET /a HTTP/1.1\r\n\r\n").status, 400);
  EXPECT_EQ(testing::fetch_from(port(), "GET /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").status,
            400);
  // HTTP/1.0 predates Host: still served.
  EXPECT_EQ(testing::fetch_from(port(), "GET /a HTTP/1.0\r\n\r\n").body, "path=/a");
}

TEST_F(ServerTest, ConnectionsOverThePerAddressCapGet503UntilOneCloses) {
  ServerOptions options;
  options.max_connections_per_address = 3;
  start(options);
  std::vector<std::unique_ptr<TestClient>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<TestClient>(port()));
    ASSERT_TRUE(idle.back()->send(get_request("/held")));  // answered: the server counted it
    ASSERT_TRUE(idle.back()->read_response());
  }
  TestClient refused(port());
  const auto busy = refused.read_response();
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(busy->header("retry-after"), "5");
  EXPECT_TRUE(refused.closed_by_peer());

  idle.pop_back();
  for (int attempt = 0; attempt < 100; ++attempt) {  // the server sees the close a bit later
    TestClient again(port());
    if (again.send(get_request("/after")) && again.read_response()->status == 200) return;
    std::this_thread::sleep_for(10ms);
  }
  ADD_FAILURE() << "a closed connection never made room";
}

TEST_F(ServerTest, ConnectionsOverTheTotalCapGet503) {
  ServerOptions options;
  options.max_connections = 2;
  start(options);
  TestClient a(port()), b(port());
  ASSERT_TRUE(a.send(get_request("/a")) && b.send(get_request("/b")));
  ASSERT_TRUE(a.read_response() && b.read_response());
  TestClient c(port());
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
}

TEST_F(ServerTest, DeferredWorkLeavesTheRequestThreadFree) {
  ServerOptions options;
  options.threads = 1;  // one request thread: a check run on it would hold every other request
  start(options);
  TestClient slow(port());
  ASSERT_TRUE(slow.send(get_request("/deferred?say=ok")));
  std::this_thread::sleep_for(50ms);
  const auto before = std::chrono::steady_clock::now();
  const auto quick = testing::fetch_from(port(), get_request("/quick"));
  EXPECT_EQ(quick.body, "path=/quick");
  EXPECT_LT(std::chrono::steady_clock::now() - before, 200ms);
  const auto r = slow.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "deferred ok");
}

TEST_F(ServerTest, DeferredWorkBeyondTheQueueGets503WithRetryAfter) {
  ServerOptions options;
  options.work_threads = 1;
  options.work_queue = 1;
  start(options);
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < 4; ++i) {
    clients.push_back(std::make_unique<TestClient>(port()));
    ASSERT_TRUE(clients.back()->send(get_request("/deferred?say=" + std::to_string(i))));
    std::this_thread::sleep_for(20ms);  // in order: 0 runs, 1 waits, 2 and 3 find it full
  }
  std::vector<int> statuses;
  for (auto& c : clients)
    statuses.push_back(c->read_response().value_or(testing::RawResponse{}).status);
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 503, 503}));
}

TEST_F(ServerTest, DeferredWorkThatThrowsGives500WithAGenericBody) {
  start();
  const auto r = testing::fetch_from(port(), get_request("/deferred-throw"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

TEST_F(ServerTest, StopWaitsForDeferredWorkAndAnswersIt) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/deferred?say=late")));
  std::this_thread::sleep_for(50ms);
  server_->stop();
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "deferred late");
}

// A POST of the spool rule's prefix goes to a file (with the rule's larger limit) and leaves
// nothing in the spool directory once answered; other requests keep the in-memory limit.
TEST_F(ServerTest, UploadsUnderTheSpoolPrefixGoToAFileWithTheirOwnLimit) {
  const auto dir = std::filesystem::temp_directory_path() / "bdp-spool-test";
  ASSERT_TRUE(reset_spool(dir));
  ServerOptions options;
  options.max_body_bytes = 1 << 10;
  options.spool = {"/upload", 3 << 20, dir, 60};
  start(options);
  const std::string body(2 << 20, 'u');
  const auto post = [&](std::string_view path, std::size_t size) {
    return fetch("POST " + std::string(path) + " HTTP/1.1\r\nHost: t\r\nContent-Length: " +
                 std::to_string(size) + "\r\nConnection: close\r\n\r\n" + body.substr(0, size));
  };
  auto spooled = post("/upload/plik", body.size());
  EXPECT_EQ(spooled.status, 200);
  EXPECT_EQ(spooled.body, "spooled 2097152 body 0");
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  EXPECT_EQ(post("/echo-body", 2048).status, 413);
  EXPECT_EQ(status_after_flood(port(),
                               "POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: "
                               "chunked\r\n\r\n400000\r\n",
                               5 << 20),
            413);
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace bdp::http
