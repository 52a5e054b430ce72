#include "http/precompressed.h"

#include <gtest/gtest.h>

#include "gunzip.h"
#include "http/brotli.h"
#include "unbrotli.h"

namespace bdp::http {
namespace {

const std::string kPage = [] {
  std::string s;
  while (s.size() < 8000) s += "<li>Cele praktyki: aktywizacja i integracja</li>\n";
  return s;
}();

Response served(const Precompressed& body, std::string_view accept_encoding) {
  Response r;
  serve_precompressed(r, body, parse_accept_encoding(accept_encoding), "\"t1\"");
  return r;
}

TEST(Precompressed, MakesBothVariantsSmallerThanTheText) {
  const auto p = precompress(kPage, kBrotliOnceQuality);
  EXPECT_EQ(p.identity, kPage);
  EXPECT_EQ(testing::gunzip(p.gzip), kPage);
  EXPECT_EQ(testing::unbrotli(p.br), kPage);
  EXPECT_LT(p.br.size(), p.gzip.size());
  EXPECT_LT(p.gzip.size(), kPage.size());
}

TEST(Precompressed, KeepsNoVariantThatIsNotSmaller) {
  const auto p = precompress("ab", kBrotliOnceQuality);
  EXPECT_EQ(p.identity, "ab");
  EXPECT_TRUE(p.gzip.empty());
  EXPECT_TRUE(p.br.empty());
  const auto r = served(p, "br, gzip");
  EXPECT_EQ(r.body, "ab");
  EXPECT_FALSE(r.header("content-encoding"));
  EXPECT_FALSE(r.header("vary")) << "one representation only: nothing varies";
  EXPECT_EQ(r.header("etag"), "\"t1\"");
}

TEST(Precompressed, ServesTheVariantTheClientPrefersWithItsOwnTag) {
  const auto p = precompress(kPage, kBrotliOftenQuality);
  const auto br = served(p, "gzip, deflate, br");
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(br.body, p.br);
  EXPECT_EQ(br.header("etag"), "\"t1-br\"");
  EXPECT_EQ(br.header("vary"), "Accept-Encoding");
  const auto gz = served(p, "gzip, br;q=0");
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(gz.body, p.gzip);
  EXPECT_EQ(gz.header("etag"), "\"t1-gz\"");
  for (const char* identity : {"", "identity", "br;q=0, gzip;q=0"}) {
    const auto plain = served(p, identity);
    EXPECT_FALSE(plain.header("content-encoding")) << identity;
    EXPECT_EQ(plain.body, kPage);
    EXPECT_EQ(plain.header("etag"), "\"t1\"");
    EXPECT_EQ(plain.header("vary"), "Accept-Encoding") << "the answer still depends on it";
  }
}

TEST(Precompressed, AddsAcceptEncodingToTheVaryAlreadySet) {
  Response r;
  r.set_header("vary", "Cookie");
  serve_precompressed(r, precompress(kPage, kBrotliOftenQuality), parse_accept_encoding("br"),
                      "\"t\"");
  EXPECT_EQ(r.header("vary"), "Cookie, Accept-Encoding");
}

}  // namespace
}  // namespace bdp::http
