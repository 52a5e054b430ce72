// Content-coding as a client receives it, in-process: every page type and static file in
// Brotli when the client prefers it or rates it equal, gzip when it refuses Brotli, identity when
// it asks for nothing; the editors' pages never compressed (BREACH); Vary where the answer varies.
#include <gtest/gtest.h>

#include "../http/gunzip.h"
#include "../http/unbrotli.h"
#include "../support/portal_fixture.h"

namespace bdp::web {
namespace {

using Fixture = bdp::testing::PortalFixture;

class Compression : public Fixture {
 protected:
  void SetUp() override {
    Fixture::SetUp();
    search->results.total = 1;
    search->results.hits.push_back(bdp::testing::sample_hit());
  }
  // The pages of each kind: cached pages, a page rendered per request, a static file, JSON.
  std::vector<std::string> targets() {
    auto p = sqlite->practice(1);
    EXPECT_TRUE(p);
    const std::string practice = p ? practice_path(*p) : std::string();
    return {"/",
            "/dzialy/uslugi-spoleczne",
            practice,
            practice + "/pelna-prezentacja",
            "/szukaj?q=srem",
            "/static/css/bdp.css",
            "/api/v1/openapi.json"};
  }
};

TEST_F(Compression, BrotliWhenPreferredOrRatedEqualGzipWhenRefusedIdentityWhenNotAsked) {
  for (const auto& target : targets()) {
    SCOPED_TRACE(target);
    const auto plain = get(target);
    ASSERT_EQ(plain.status, 200);
    EXPECT_FALSE(plain.header("content-encoding"));
    for (const char* accept : {"gzip, deflate, br", "br;q=0.5, gzip;q=0.5", "*"}) {
      const auto br = get(target, {{"accept-encoding", accept}});
      EXPECT_EQ(br.header("content-encoding"), "br") << accept;
      EXPECT_EQ(http::testing::unbrotli(br.body), plain.body) << accept;
    }
    const auto gz = get(target, {{"accept-encoding", "gzip, br;q=0"}});
    EXPECT_EQ(gz.header("content-encoding"), "gzip");
    EXPECT_EQ(http::testing::gunzip(gz.body), plain.body);
    const auto br = get(target, {{"accept-encoding", "br"}});
    EXPECT_LT(br.body.size(), gz.body.size()) << "Brotli is smaller than gzip";
    for (const auto* r : {&plain, &gz, &br}) {
      const std::string vary(r->header("vary").value_or(""));
      EXPECT_NE(vary.find("Accept-Encoding"), std::string::npos) << vary;
    }
    for (const char* identity : {"identity", "br;q=0, gzip;q=0", ""}) {
      EXPECT_FALSE(get(target, {{"accept-encoding", identity}}).header("content-encoding"))
          << identity;
    }
  }
}

TEST_F(Compression, EachVariantHasItsOwnEtagAndRevalidates) {
  const auto target = targets()[0];
  const auto br = get(target, {{"accept-encoding", "br"}});
  const auto gz = get(target, {{"accept-encoding", "gzip"}});
  const auto plain = get(target);
  ASSERT_TRUE(br.header("etag") && gz.header("etag") && plain.header("etag"));
  EXPECT_NE(br.header("etag"), gz.header("etag"));
  EXPECT_NE(br.header("etag"), plain.header("etag"));
  const auto again =
      get(target, {{"accept-encoding", "br"}, {"if-none-match", std::string(*br.header("etag"))}});
  EXPECT_EQ(again.status, 304);
}

TEST_F(Compression, TheEditorsPagesStayUncompressedWhateverTheClientAccepts) {
  for (const char* target : {"/redakcja/logowanie"}) {
    const auto r = get(target, {{"accept-encoding", "gzip, deflate, br"}});
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_FALSE(r.header("content-encoding")) << target;
    EXPECT_NE(r.body.find("<form"), std::string::npos);
  }
}

TEST_F(Compression, AnImageIsNeverCompressedAndDoesNotVary) {
  const auto r = get("/favicon.ico", {{"accept-encoding", "br, gzip"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(r.header("content-encoding"));
  EXPECT_FALSE(r.header("vary"));
}

}  // namespace
}  // namespace bdp::web
