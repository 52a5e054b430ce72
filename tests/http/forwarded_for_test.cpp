// The client address behind a trusted reverse proxy: only a trusted peer's X-Forwarded-For is
// believed, and only its last hop (the one the proxy appended itself).
#include "http/forwarded_for.h"

#include <gtest/gtest.h>

#include "http/server.h"
#include "http_client.h"

namespace bdp::http {
namespace {

const std::vector<std::string> kNginx = {"127.0.0.1"};

TEST(ClientAddress, AnUntrustedPeerIsTheClientWhateverItForwards) {
  EXPECT_EQ(client_address("10.0.0.7", {{"x-forwarded-for", "1.2.3.4"}}, kNginx), "10.0.0.7");
  EXPECT_EQ(client_address("127.0.0.1", {{"x-forwarded-for", "1.2.3.4"}}, {}), "127.0.0.1");
}

TEST(ClientAddress, ATrustedPeerGivesTheLastHopOnly) {
  EXPECT_EQ(client_address("127.0.0.1", {{"x-forwarded-for", "203.0.113.9"}}, kNginx),
            "203.0.113.9");
  // The client forged "6.6.6.6"; nginx appended the address it saw.
  EXPECT_EQ(client_address("127.0.0.1", {{"x-forwarded-for", "6.6.6.6,  203.0.113.9 "}}, kNginx),
            "203.0.113.9");
  EXPECT_EQ(
      client_address("127.0.0.1",
                     {{"x-forwarded-for", "6.6.6.6"}, {"x-forwarded-for", "2001:db8::1"}}, kNginx),
      "2001:db8::1");
}

TEST(ClientAddress, AMissingOrMalformedLastHopFallsBackToThePeer) {
  EXPECT_EQ(client_address("127.0.0.1", {}, kNginx), "127.0.0.1");
  for (const std::string bad : {"", "1.2.3.4,", "unknown", "1.2.3.4:80", "[::1]", "1.2.3.4 5.6.7.8",
                                "999.1.1.1", "<script>"}) {
    EXPECT_EQ(client_address("127.0.0.1", {{"x-forwarded-for", bad}}, kNginx), "127.0.0.1") << bad;
  }
}

TEST(IsIpAddress, AcceptsLiteralAddressesOnly) {
  EXPECT_TRUE(is_ip_address("192.168.0.1"));
  EXPECT_TRUE(is_ip_address("::1"));
  EXPECT_TRUE(is_ip_address("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_ip_address("localhost"));
  EXPECT_FALSE(is_ip_address(std::string(100, '1')));
}

// Through the server: the handler sees the forwarded client only when the peer is trusted, and
// each request on a kept-alive connection gets its own.
std::string seen_address(const std::vector<std::string>& trusted,
                         const std::vector<std::string>& forwarded) {
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.access_log = false;
  options.trusted_proxies = trusted;
  auto server =
      Server::start(options, [](const Request& r) { return text_response(200, r.remote_address); });
  EXPECT_TRUE(server);
  if (!server) return {};
  testing::TestClient client((*server)->port());
  std::string seen;
  for (const auto& hop : forwarded) {
    const std::string header = hop.empty() ? "" : "X-Forwarded-For: " + hop + "\r\n";
    EXPECT_TRUE(client.send(testing::get_request("/", header)));
    auto r = client.read_response();
    EXPECT_TRUE(r);
    seen += (seen.empty() ? "" : " ") + (r ? r->body : std::string("?"));
  }
  return seen;
}

TEST(TrustedProxy, TheServerTakesTheForwardedClientOfATrustedPeerPerRequest) {
  EXPECT_EQ(seen_address({"127.0.0.1"}, {"198.51.100.1", "", "198.51.100.2"}),
            "198.51.100.1 127.0.0.1 198.51.100.2");
}

TEST(TrustedProxy, TheServerIgnoresForwardedForWhenNoPeerIsTrusted) {
  EXPECT_EQ(seen_address({}, {"198.51.100.1"}), "127.0.0.1");
  EXPECT_EQ(seen_address({"10.1.1.1"}, {"198.51.100.1"}), "127.0.0.1");
}

}  // namespace
}  // namespace bdp::http
