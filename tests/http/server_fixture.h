// The server tests' fixture: a test application whose path picks the behaviour, and a server
// started on a free port around it. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/server.h"
#include "http_client.h"

namespace bdp::http::testing {

using namespace std::chrono_literals;

const std::string kPage = [] {
  std::string s;
  while (s.size() < 5000) s += "<p>Skrót i Metryka praktyki: Śrem, powiat śremski</p>\n";
  return s;
}();

// A streamed body: `size` bytes ('a' + position % 26), given `piece` bytes at a time; fails
// after `fail_after` bytes when that is below `size`; gives `extra` bytes more than its size.
class CountingBody final : public BodyStream {
 public:
  CountingBody(std::uint64_t size, std::size_t piece, std::uint64_t fail_after, std::uint64_t extra)
      : size_(size), piece_(piece), fail_after_(fail_after), extra_(extra) {}
  std::uint64_t size() const override { return size_; }
  Result<std::string> next(std::size_t max) override {
    if (at_ >= fail_after_ && at_ < size_) return fail(ErrorKind::internal, "the store broke");
    std::string out;
    while (out.size() < std::min(max, piece_) && at_ < size_ + extra_) {
      out.push_back(static_cast<char>('a' + at_++ % 26));
    }
    return out;
  }
  static std::string bytes(std::uint64_t size) {
    std::string s;
    for (std::uint64_t i = 0; i < size; ++i) s.push_back(static_cast<char>('a' + i % 26));
    return s;
  }

 private:
  std::uint64_t size_;
  std::size_t piece_;
  std::uint64_t fail_after_;
  std::uint64_t extra_;
  std::uint64_t at_ = 0;
};

// The test application: the path picks the behaviour.
struct TestApp {
  std::atomic<bool> slow_started{false};

  Response operator()(const Request& r) {
    if (r.path == "/deferred") {
      Response deferred;
      deferred.deferred = [body = r.param("say")] {
        std::this_thread::sleep_for(300ms);
        return text_response(200, "deferred " + body);
      };
      return deferred;
    }
    if (r.path == "/deferred-throw") {
      Response deferred;
      deferred.deferred = []() -> Response { throw std::runtime_error("secret detail"); };
      return deferred;
    }
    if (r.path == "/streamed" || r.path == "/streamed-broken" || r.path == "/streamed-long") {
      Response streamed;
      streamed.set_header("content-type", "text/plain");
      const std::uint64_t size = 3 * 1024 * 1024 + 5;
      streamed.stream = std::make_shared<CountingBody>(
          size, 100'000, r.path == "/streamed-broken" ? 1024 * 1024 : size,
          r.path == "/streamed-long" ? 1000 : 0);
      return streamed;
    }
    if (r.path == "/page") return text_response(200, kPage, "text/html; charset=utf-8");
    if (r.path == "/missing") return text_response(404, "brak");
    if (r.path == "/throw") throw std::runtime_error("secret detail");
    if (r.path == "/bad-header") {
      auto resp = text_response(200, "x");
      resp.set_header("x-injected", "a\r\nSet-Cookie: evil=1");
      return resp;
    }
    if (r.path == "/etag") {
      auto resp = text_response(200, "versioned");
      resp.set_header("etag", "\"v1\"");
      return resp;
    }
    if (r.path == "/slow") {
      slow_started = true;
      std::this_thread::sleep_for(700ms);
      return text_response(200, "slow done");
    }
    if (r.path == "/echo-body") return text_response(200, r.body);
    if (r.path.starts_with("/upload")) {
      if (!r.spooled) return text_response(200, "in memory " + std::to_string(r.body.size()));
      return text_response(200, "spooled " + std::to_string(r.spooled->size()) + " body " +
                                    std::to_string(r.body.size()));
    }
    std::string out = "path=" + r.path;
    for (const auto& [k, v] : r.query) out += " " + k + "=" + v;
    return text_response(200, out);
  }
};

// Sends `request` on a new connection and reads one response (an empty one on failure).
inline RawResponse fetch_from(std::uint16_t port, std::string_view request) {
  TestClient c(port);
  EXPECT_TRUE(c.send(request));
  auto r = c.read_response();
  EXPECT_TRUE(r) << "no response to " << request;
  return r.value_or(RawResponse{});
}

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    options.port = 0;
    options.threads = options.threads ? options.threads : 2;
    options.access_log = false;
    auto started = Server::start(options, [this](const Request& r) { return app_(r); });
    ASSERT_TRUE(started) << started.error().message;
    server_ = std::move(*started);
  }
  std::uint16_t port() const { return server_->port(); }

  RawResponse fetch(std::string_view request) { return fetch_from(port(), request); }

  TestApp app_;
  std::unique_ptr<Server> server_;
};

}  // namespace bdp::http::testing
