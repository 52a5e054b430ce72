#include "http/server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "gunzip.h"
#include "http_client.h"
#include "server_fixture.h"

namespace bdp::http {
namespace {

using testing::fetch_from;
using testing::get_request;
using testing::kPage;
using testing::RawResponse;
using testing::ServerTest;
using testing::TestApp;
using testing::TestClient;
using namespace std::chrono_literals;

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/one")));
  const auto first = c.read_response();
  ASSERT_TRUE(c.send(get_request("/two?q=pomoc+spo%C5%82eczna")));
  const auto second = c.read_response();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "path=/one");
  EXPECT_EQ(second->body, "path=/two q=pomoc społeczna");
  EXPECT_FALSE(second->header("connection"));
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/a") + get_request("/b") + get_request("/c")));
  for (std::string_view want : {"path=/a", "path=/b", "path=/c"}) {
    const auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, want);
  }
}

TEST_F(ServerTest, SendsDateServerAndContentLength) {
  start();
  const auto r = fetch(get_request("/x"));
  EXPECT_EQ(r.header("server"), "bdp");
  ASSERT_TRUE(r.header("date"));
  EXPECT_TRUE(r.header("date")->ends_with(" GMT"));
  EXPECT_EQ(r.header("content-length"), "7");
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveIsAsked) {
  start();
  TestClient once(port());
  ASSERT_TRUE(once.send("GET /old HTTP/1.0\r\n\r\n"));
  const auto r = once.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "path=/old");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(once.closed_by_peer());

  TestClient kept(port());
  ASSERT_TRUE(kept.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  ASSERT_TRUE(kept.read_response());
  ASSERT_TRUE(kept.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  const auto second = kept.read_response();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->header("connection"), "keep-alive");
}

TEST_F(ServerTest, HeadSendsTheGetHeadersWithoutBody) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/page", "", "HEAD")));
  const auto head = c.read_response(/*head_request=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), std::to_string(kPage.size()));
  // Had the server sent a body, it would be read here as the next response's status line.
  ASSERT_TRUE(c.send(get_request("/next")));
  const auto next = c.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "path=/next");
}

TEST_F(ServerTest, AStreamedBodyArrivesWholeAndTheConnectionGoesOn) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/streamed", "Accept-Encoding: gzip\r\n")));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("content-length"), std::to_string(3 * 1024 * 1024 + 5));
  EXPECT_FALSE(r->header("content-encoding")) << "a streamed body is sent as it is";
  EXPECT_TRUE(r->body == testing::CountingBody::bytes(3 * 1024 * 1024 + 5));
  ASSERT_TRUE(c.send(get_request("/streamed", "", "HEAD")));
  const auto head = c.read_response(/*head_request=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("content-length"), std::to_string(3 * 1024 * 1024 + 5));
  ASSERT_TRUE(c.send(get_request("/next")));
  const auto next = c.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "path=/next");
}

TEST_F(ServerTest, AStreamedBodyThatBreaksOffClosesTheConnection) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/streamed-broken")));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(c.read_response()) << "the body is shorter than announced: no whole response";
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s) << "closed, not left hanging";
}

TEST_F(ServerTest, AStreamedBodyLongerThanItsLengthNeverSendsMoreThanTheLength) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/streamed-long") + get_request("/next")));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(c.read_response()) << "the piece past the length is not sent: the body is short";
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s) << "closed, not left hanging";
}

TEST_F(ServerTest, HandlerStatusIsSent) {
  start();
  const auto r = fetch(get_request("/missing"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "brak");
}

TEST_F(ServerTest, RequestBodyReachesTheHandler) {
  start();
  const auto r = fetch("POST /echo-body HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(r.body, "hello");
  const auto chunked = fetch(
      "POST /echo-body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.body, "abcde");
}

TEST_F(ServerTest, ExpectContinueGets100BeforeTheBody) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(
      "POST /echo-body HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  const auto interim = c.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(c.send("abc"));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "abc");
}

TEST_F(ServerTest, BodyOverTheLimitGets413AndClose) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  start(options);
  TestClient c(port());
  ASSERT_TRUE(c.send("POST /echo-body HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" +
                     std::string(4096, 'x')));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("connection"), "close");
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitGets413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  start(options);
  const auto r = fetch(
      "POST /echo-body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "800\r\n" +
      std::string(2048, 'x') + "\r\n0\r\n\r\n");
  EXPECT_EQ(r.status, 413);
}

TEST_F(ServerTest, HugeHeadersGet431) {
  ServerOptions options;
  options.max_header_bytes = 2048;
  start(options);
  const auto r = fetch(get_request("/x", "X-Big: " + std::string(4000, 'a') + "\r\n"));
  EXPECT_EQ(r.status, 431);
}

TEST_F(ServerTest, GarbageAndBadRequestLinesGet400AndClose) {
  start();
  for (std::string bad : {std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
                          std::string("HELLO\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
                          std::string("GET /a b HTTP/1.1\r\nHost: t\r\n\r\n"),
                          std::string("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n"),
                          std::string("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n")}) {
    TestClient c(port());
    ASSERT_TRUE(c.send(bad));
    const auto r = c.read_response();
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(c.closed_by_peer()) << bad;
  }
}

TEST_F(ServerTest, InvalidUtf8OrBadEscapesInTargetGet400) {
  start();
  for (std::string_view target : {"/%C3%28", "/a%zz", "/ok?q=%FF", "/a%00", "relative"}) {
    EXPECT_EQ(fetch(get_request(target)).status, 400) << target;
  }
  EXPECT_EQ(fetch(get_request("/%C5%9Brem")).body, "path=/śrem");
}

TEST_F(ServerTest, GzipRoundTrip) {
  start();
  const auto r = fetch(get_request("/page", "Accept-Encoding: gzip, deflate\r\n"));
  EXPECT_EQ(r.header("content-encoding"), "gzip");
  EXPECT_EQ(r.header("vary"), "Accept-Encoding");
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
  EXPECT_LT(r.body.size(), kPage.size());
  EXPECT_EQ(testing::gunzip(r.body), kPage);
}

TEST_F(ServerTest, GzipWithZeroQualityIsNotUsed) {
  start();
  const auto r = fetch(get_request("/page", "Accept-Encoding: gzip;q=0, identity\r\n"));
  EXPECT_FALSE(r.header("content-encoding"));
  EXPECT_EQ(r.body, kPage);
}

TEST_F(ServerTest, IfNoneMatchGives304WithoutBody) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/etag", "If-None-Match: \"v0\", W/\"v1\"\r\n")));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  EXPECT_EQ(r->header("etag"), "\"v1\"");
  EXPECT_FALSE(r->header("content-length"));
  ASSERT_TRUE(c.send(get_request("/etag", "If-None-Match: \"v0\"\r\n")));
  const auto changed = c.read_response();
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, "versioned");
}

TEST_F(ServerTest, HandlerExceptionGives500WithAGenericBody) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/throw")));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body.find("secret"), std::string::npos);
  ASSERT_TRUE(c.send(get_request("/after")));  // the connection survives
  ASSERT_TRUE(c.read_response());
}

TEST_F(ServerTest, HeaderInjectionFromTheHandlerGives500) {
  start();
  const auto r = fetch(get_request("/bad-header"));
  EXPECT_EQ(r.status, 500);
  EXPECT_FALSE(r.header("set-cookie"));
}

TEST_F(ServerTest, ConcurrentClientsAllGetTheirOwnAnswers) {
  start();
  constexpr int kThreads = 8, kRequests = 200;
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      TestClient c(port());
      for (int i = 0; i < kRequests; ++i) {
        const std::string path = "/c" + std::to_string(t) + "/" + std::to_string(i);
        if (!c.send(get_request(path))) return;
        const auto r = c.read_response();
        if (r && r->status == 200 && r->body == "path=" + path) ++good;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(good, kThreads * kRequests);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options;
  options.idle_timeout_seconds = 1;
  start(options);
  TestClient c(port(), /*timeout_ms=*/4000);
  ASSERT_TRUE(c.send(get_request("/x")));
  ASSERT_TRUE(c.read_response());
  const auto before = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.closed_by_peer());
  EXPECT_LT(std::chrono::steady_clock::now() - before, 3s);
}

TEST_F(ServerTest, SilentConnectionIsClosedAfterTheReadTimeout) {
  ServerOptions options;
  options.read_timeout_seconds = 1;
  start(options);
  TestClient c(port(), /*timeout_ms=*/4000);
  ASSERT_TRUE(c.send("GET /slowloris HTTP/1.1\r\n"));
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, StopLetsARunningHandlerFinish) {
  start();
  TestClient c(port());
  ASSERT_TRUE(c.send(get_request("/slow")));
  while (!app_.slow_started) std::this_thread::sleep_for(5ms);
  std::thread stopper([&] { server_->stop(); });
  const auto r = c.read_response();
  stopper.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "slow done");
  EXPECT_EQ(r->header("connection"), "close");
  server_->wait();  // returns: stop() is complete
  TestClient late(port());
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, StopClosesIdleConnectionsAndIsIdempotent) {
  start();
  TestClient idle(port());
  ASSERT_TRUE(idle.send(get_request("/x")));
  ASSERT_TRUE(idle.read_response());
  const auto before = std::chrono::steady_clock::now();
  std::thread waiter([&] { server_->wait(); });
  server_->stop();
  server_->stop();
  waiter.join();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 2s);
  EXPECT_TRUE(idle.closed_by_peer());
}

TEST_F(ServerTest, AccessLogWritesOneLinePerRequest) {
  char path[] = "/tmp/bdp-access-log-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.access_log_fd = fd;
  TestApp app;
  auto server = Server::start(options, [&app](const Request& r) { return app(r); });
  ASSERT_TRUE(server);
  fetch_from((*server)->port(), get_request("/missing", "User-Agent: test\"agent\r\n"));
  fetch_from((*server)->port(), "BROKEN\r\n\r\n");
  server->reset();  // the server's log writer writes what is pending when it goes
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  ::close(fd);
  std::remove(path);
  const std::string log = text.str();
  EXPECT_TRUE(log.starts_with("time=")) << log;
  EXPECT_NE(log.find(" remote=127.0.0.1 method=GET path=\"/missing\" status=404 bytes=4 "
                     "duration_us="),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("ua=\"test\\\"agent\"\n"), std::string::npos) << log;
  EXPECT_NE(log.find("status=400"), std::string::npos) << log;
}

TEST(ServerStart, FailsOnABadAddressOrATakenPort) {
  ServerOptions options;
  options.address = "not-an-address";
  auto bad = Server::start(options, [](const Request&) { return Response{}; });
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_input);

  // A plain listener (no SO_REUSEPORT) owns the port: the server must not share it.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ServerOptions taken;
  taken.port = ntohs(addr.sin_port);
  taken.access_log = false;
  auto busy = Server::start(taken, [](const Request&) { return Response{}; });
  ::close(fd);
  ASSERT_FALSE(busy);
  EXPECT_EQ(busy.error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace bdp::http
