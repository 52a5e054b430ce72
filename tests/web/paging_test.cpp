// The one pagination parameter ("strona") of sections and search, the old "page" redirected,
// pages past the end answered 404, and /favicon.ico: in-process, over the demo data.
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"
#include "web/page_number.h"

namespace bdp::web {
namespace {

using Fixture = bdp::testing::PortalFixture;

http::Request request_for(const std::string& target) {
  http::Request r;
  r.target = target;
  EXPECT_TRUE(http::parse_target(target, r.path, r.query)) << target;
  return r;
}

TEST(PageNumber, ReadsStronaAndRefusesAnythingButAPositiveNumber) {
  EXPECT_EQ(page_number(request_for("/szukaj?q=x")), 1);
  EXPECT_EQ(page_number(request_for("/szukaj?strona=3")), 3);
  EXPECT_EQ(page_number(request_for("/szukaj?strona=100000")), 100000);
  for (const char* bad : {"0", "-1", "zero", "2x", "100001", "99999999999"}) {
    EXPECT_EQ(page_number(request_for(std::string("/szukaj?strona=") + bad)), std::nullopt) << bad;
  }
  EXPECT_EQ(page_number(request_for("/szukaj?page=3")), 1) << "page is not read, but redirected";
}

TEST(PageNumber, TheOldPageParameterIsRenamedAndTheRestKept) {
  EXPECT_EQ(target_with_page_renamed(request_for("/szukaj?q=x")), std::nullopt);
  EXPECT_EQ(target_with_page_renamed(request_for("/szukaj?q=pomoc+spo%C5%82eczna&page=2")),
            "/szukaj?strona=2&q=pomoc%20spo%C5%82eczna");
}

class Paging : public Fixture {};

TEST_F(Paging, TheSearchPageLinksPagesWithStrona) {
  search->results.total = 45;
  search->results.page = 2;
  search->results.hits.push_back(bdp::testing::sample_hit());
  const auto r = get("/szukaj?q=srem&strona=2");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("href=\"/szukaj?q=srem&amp;strona=3\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/szukaj?q=srem\""), std::string::npos) << "page 1 has no number";
  EXPECT_EQ(r.body.find("page="), std::string::npos);
}

TEST_F(Paging, TheOldPageParameterOfSearchRedirectsToStrona) {
  const auto r = get("/szukaj?q=srem&page=2&voivodeship=wielkopolskie");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.header("location"), "/szukaj?strona=2&q=srem&voivodeship=wielkopolskie");
}

TEST_F(Paging, SearchAndSectionsAnswerAPagePastTheEndWith404AndABadNumberWith400) {
  search->results.total = 3;
  EXPECT_EQ(get("/szukaj?q=srem&strona=99").status, 404);
  EXPECT_EQ(get("/dzialy/uslugi-spoleczne?strona=99").status, 404);
  EXPECT_EQ(get("/szukaj?q=srem&strona=zero").status, 400);
  EXPECT_EQ(get("/dzialy/uslugi-spoleczne?strona=zero").status, 400);
  // The first page is never "past the end": no results is a page saying so.
  EXPECT_EQ(get("/szukaj?q=srem").status, 200);
}

TEST_F(Paging, TheFaviconIsServedAtTheRootWithALongLifetime) {
  const auto r = get("/favicon.ico");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "image/x-icon");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r.body,
            bdp::testing::read_text_file(std::string(BDP_SOURCE_DIR) + "/assets/favicon.ico"));
  EXPECT_EQ(r.body.substr(0, 4), std::string("\0\0\1\0", 4)) << "an ICO header";
}

}  // namespace
}  // namespace bdp::web
