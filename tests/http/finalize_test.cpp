#include "http/finalize.h"

#include <gtest/gtest.h>

#include "gunzip.h"
#include "unbrotli.h"

namespace bdp::http {
namespace {

const std::string kPage = [] {
  std::string s;
  while (s.size() < 4000) s += "<li>Opis sytuacji przed wdrożeniem</li>\n";
  return s;
}();

Request request_with(Headers headers, Method method = Method::get) {
  Request r;
  r.method = method;
  r.headers = std::move(headers);
  return r;
}

Response page(std::string type = "text/html; charset=utf-8") {
  return text_response(200, kPage, std::move(type));
}

TEST(Finalize, GzipsCompressibleBodiesWhenTheClientAcceptsIt) {
  auto resp = page();
  finalize_response(request_with({{"accept-encoding", "gzip, deflate"}}), resp);
  EXPECT_EQ(resp.header("content-encoding"), "gzip");
  EXPECT_EQ(resp.header("vary"), "Accept-Encoding");
  EXPECT_EQ(testing::gunzip(resp.body), kPage);
}

TEST(Finalize, CompressesWithBrotliWhenTheClientPrefersItOrRatesItEqual) {
  for (const char* accept : {"gzip, deflate, br", "br;q=0.9, gzip;q=0.8", "*"}) {
    auto resp = page();
    finalize_response(request_with({{"accept-encoding", accept}}), resp);
    EXPECT_EQ(resp.header("content-encoding"), "br") << accept;
    EXPECT_EQ(resp.header("vary"), "Accept-Encoding");
    EXPECT_EQ(testing::unbrotli(resp.body), kPage);
  }
  auto gz = page();
  finalize_response(request_with({{"accept-encoding", "br;q=0, gzip"}}), gz);
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(testing::gunzip(gz.body), kPage);
}

TEST(Finalize, NeverCompressesABodyMarkedIncompressible) {
  auto resp = page();
  resp.compressible = false;
  finalize_response(request_with({{"accept-encoding", "br, gzip"}}), resp);
  EXPECT_FALSE(resp.header("content-encoding"));
  EXPECT_EQ(resp.body, kPage);
  EXPECT_FALSE(resp.header("vary"));
}

TEST(Finalize, SendsIdentityWhenGzipIsRefusedOrNotAsked) {
  for (const Headers& h : {Headers{{"accept-encoding", "gzip;q=0"}}, Headers{},
                           Headers{{"accept-encoding", "identity"}},
                           Headers{{"accept-encoding", "br;q=0, gzip;q=0"}}}) {
    auto resp = page();
    finalize_response(request_with(h), resp);
    EXPECT_FALSE(resp.header("content-encoding"));
    EXPECT_EQ(resp.body, kPage);
    EXPECT_EQ(resp.header("vary"), "Accept-Encoding");  // the representation still varies
  }
}

TEST(Finalize, LeavesSmallBinaryAndPreEncodedBodiesAlone) {
  const auto gz = request_with({{"accept-encoding", "gzip"}});
  auto small = text_response(200, "tiny", "text/html");
  finalize_response(gz, small);
  EXPECT_FALSE(small.header("content-encoding"));
  EXPECT_FALSE(small.header("vary"));

  auto png = page("image/png");
  finalize_response(gz, png);
  EXPECT_FALSE(png.header("content-encoding"));

  auto encoded = page();
  encoded.set_header("content-encoding", "br");
  finalize_response(gz, encoded);
  EXPECT_EQ(encoded.header("content-encoding"), "br");
  EXPECT_EQ(encoded.body, kPage);
}

TEST(Finalize, MergesWithTheHandlersVary) {
  auto resp = page();
  resp.set_header("vary", "Cookie");
  finalize_response(request_with({}), resp);
  EXPECT_EQ(resp.header("vary"), "Cookie, Accept-Encoding");
  auto already = page();
  already.set_header("vary", "accept-encoding");
  finalize_response(request_with({}), already);
  EXPECT_EQ(already.header("vary"), "accept-encoding");
}

TEST(Finalize, MatchingIfNoneMatchGives304WithoutBody) {
  auto resp = page();
  resp.set_header("etag", "\"v7\"");
  resp.set_header("cache-control", "max-age=60");
  finalize_response(request_with({{"if-none-match", "\"v6\", \"v7\""}}), resp);
  EXPECT_EQ(resp.status, 304);
  EXPECT_TRUE(resp.body.empty());
  EXPECT_EQ(resp.header("etag"), "\"v7\"");
  EXPECT_EQ(resp.header("cache-control"), "max-age=60");
}

TEST(Finalize, GzippedResponsesGetAWeakEtagThatStillMatches) {
  auto resp = page();
  resp.set_header("etag", "\"v7\"");
  finalize_response(request_with({{"accept-encoding", "gzip"}}), resp);
  EXPECT_EQ(resp.header("etag"), "W/\"v7\"");
  auto again = page();
  again.set_header("etag", "\"v7\"");
  finalize_response(request_with({{"accept-encoding", "gzip"}, {"if-none-match", "W/\"v7\""}}),
                    again);
  EXPECT_EQ(again.status, 304);
}

TEST(Finalize, No304ForOtherMethodsStatusesOrTags) {
  const Headers inm = {{"if-none-match", "*"}};
  auto post = page();
  post.set_header("etag", "\"v\"");
  finalize_response(request_with(inm, Method::post), post);
  EXPECT_EQ(post.status, 200);

  auto missing = text_response(404, "x");
  missing.set_header("etag", "\"v\"");
  finalize_response(request_with(inm), missing);
  EXPECT_EQ(missing.status, 404);

  auto untagged = page();
  finalize_response(request_with(inm), untagged);
  EXPECT_EQ(untagged.status, 200);

  auto head = page();
  head.set_header("etag", "\"v\"");
  finalize_response(request_with(inm, Method::head), head);
  EXPECT_EQ(head.status, 304);
}

TEST(Finalize, AMatchingIfNoneMatchWinsOverARange) {
  // RFC 9110 §13.2.2: If-None-Match is evaluated before Range.
  auto part = text_response(206, "0123456789", "text/csv");
  part.set_header("etag", "\"v\"");
  part.set_header("content-range", "bytes 0-9/100");
  finalize_response(request_with({{"if-none-match", "\"v\""}, {"range", "bytes=0-9"}}), part);
  EXPECT_EQ(part.status, 304);
  EXPECT_TRUE(part.body.empty());
  EXPECT_FALSE(part.header("content-range"));
}

}  // namespace
}  // namespace bdp::http
