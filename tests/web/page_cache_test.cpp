#include "web/page_cache.h"

#include <gtest/gtest.h>

#include "../http/gunzip.h"
#include "../http/unbrotli.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

const http::AcceptedCodings kIdentity = http::parse_accept_encoding(std::nullopt);

const std::string kPage =
    "<html>" + std::string(2000, 'a') + std::string(kCounterMarker) + "</html>";

TEST(PageCache, SplicesTheCounterIntoCachedPages) {
  PageCache cache;
  auto entry = cache.insert("k", 200, kPage, cache.generation());
  ASSERT_EQ(cache.find("k"), entry);
  auto r = PageCache::respond(
      *entry, 5, [] { return std::string("<b>5</b>"); }, kIdentity);
  EXPECT_EQ(r.body, "<html>" + std::string(2000, 'a') + "<b>5</b></html>");
  auto again = PageCache::respond(
      *entry, 6, [] { return std::string("<b>6</b>"); }, kIdentity);
  EXPECT_NE(again.body, r.body);
  EXPECT_NE(again.header("etag"), r.header("etag"));
}

TEST(PageCache, ServesThePrecompressedVariantTheClientPrefersWithItsOwnEtag) {
  PageCache cache;
  auto entry = cache.insert("k", 200, kPage, cache.generation());
  const auto respond = [&](std::string_view accept_encoding) {
    return PageCache::respond(
        *entry, 1, [] { return std::string("1"); }, http::parse_accept_encoding(accept_encoding));
  };
  const auto plain = respond("identity");
  const auto gz = respond("gzip, br;q=0.5");
  const auto br = respond("gzip, deflate, br");
  EXPECT_FALSE(plain.header("content-encoding"));
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(http::testing::gunzip(gz.body), plain.body);
  EXPECT_EQ(http::testing::unbrotli(br.body), plain.body);
  EXPECT_LT(gz.body.size(), plain.body.size());
  EXPECT_LT(br.body.size(), plain.body.size());
  const std::string tag(*plain.header("etag"));
  EXPECT_EQ(gz.header("etag"), tag.substr(0, tag.size() - 1) + "-gz\"");
  EXPECT_EQ(br.header("etag"), tag.substr(0, tag.size() - 1) + "-br\"");
  for (const auto* r : {&plain, &gz, &br}) EXPECT_EQ(r->header("vary"), "Cookie, Accept-Encoding");
}

TEST(PageCache, InvalidateDropsPagesAndRejectsRendersStartedBefore) {
  PageCache cache;
  const auto before = cache.generation();
  cache.insert("a", 200, kPage, before);
  cache.invalidate();
  EXPECT_EQ(cache.find("a"), nullptr);
  auto stale = cache.insert("b", 200, kPage, before);  // rendered from old data
  EXPECT_NE(stale, nullptr) << "still served once";
  EXPECT_EQ(cache.find("b"), nullptr) << "but not kept";
}

TEST(PageCache, StaysBoundedWhenACrawlerVisitsEverything) {
  PageCache cache(3);
  for (int i = 0; i < 10; ++i)
    cache.insert("k" + std::to_string(i), 200, kPage, cache.generation());
  int kept = 0;
  for (int i = 0; i < 10; ++i) kept += cache.find("k" + std::to_string(i)) != nullptr;
  EXPECT_LE(kept, 3);
  EXPECT_NE(cache.find("k9"), nullptr);
}

}  // namespace
}  // namespace bdp::web

namespace bdp::web {
namespace {

TEST(PageCache, DropRemovesOnlyThePagesCarryingATagAndRefusesRendersStartedBefore) {
  PageCache cache;
  const auto before = cache.generation();
  cache.insert("p1", 200, kPage, before, {}, {"practice:1", "unit:1"});
  cache.insert("p2", 200, kPage, before, {}, {"practice:2", "unit:1"});
  cache.insert("home", 200, kPage, before, {}, {"home"});
  EXPECT_EQ(cache.drop({"practice:1", "home"}), 2u);
  EXPECT_EQ(cache.find("p1"), nullptr);
  EXPECT_EQ(cache.find("home"), nullptr);
  EXPECT_NE(cache.find("p2"), nullptr);
  EXPECT_EQ(cache.size(), 1u);
  cache.insert("late", 200, kPage, before, {}, {"practice:3"});
  EXPECT_EQ(cache.find("late"), nullptr) << "rendered before the drop: served once, not kept";
}

}  // namespace
}  // namespace bdp::web
