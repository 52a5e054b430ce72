// End to end: search pages and API of the running portal over the demo data.
#include <gtest/gtest.h>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

class Search : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};

TEST_P(Search, InflectedQueryWithoutDiacriticsFindsThePracticeWithHighlightsAndFacets) {
  auto r = server->get("/szukaj?q=pomocy+spolecznej+w+Sremie");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("Program aktywności lokalnej w gminie Śrem"), std::string::npos);
  EXPECT_NE(r->body.find("<mark>"), std::string::npos);
  EXPECT_NE(r->body.find("<legend>Województwo</legend>"), std::string::npos);
  EXPECT_NE(r->body.find("value=\"pomocy spolecznej w Sremie\""), std::string::npos)
      << "the query stays in the form";
}

TEST_P(Search, AFacetNarrowsTheResultsWithoutJavaScript) {
  auto all = server->get("/szukaj?q=srem");
  ASSERT_EQ(all->status, 200);
  EXPECT_NE(all->body.find("2 wyniki"), std::string::npos);
  auto narrowed = server->get("/szukaj?q=srem&section=3");
  EXPECT_NE(narrowed->body.find("1 wynik"), std::string::npos);
  EXPECT_NE(narrowed->body.find("value=\"3\" checked"), std::string::npos);
}

TEST_P(Search, JsonApiReturnsResultsFacetsAndTotal) {
  auto r = server->get("/api/v1/search?q=aktywno%C5%9B%C4%87&voivodeship=wielkopolskie");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(r->body.find("\"total\":"), std::string::npos);
  EXPECT_NE(r->body.find("\"facets\":"), std::string::npos);
  EXPECT_NE(r->body.find("\"hits\":"), std::string::npos);
  auto s = server->get("/api/v1/suggest?q=o%C5%BCyw");
  ASSERT_EQ(s->status, 200);
  EXPECT_NE(s->body.find("Ożywienie mechanizmów"), std::string::npos);
}

TEST_P(Search, HostileQueriesGetAnAnswerNeverA500) {
  for (const std::string& q :
       std::vector<std::string>{"%22niezamkni%C4%99ty", std::string(10000, 'a'), "i+w+na+z",
                                "%01%02%7F", "-", "OR+OR", "%22%22", "(((", "*"}) {
    auto page = server->get("/szukaj?q=" + q);
    ASSERT_TRUE(page.has_value()) << q.substr(0, 40);
    EXPECT_LT(page->status, 500) << q.substr(0, 40);
    auto api = server->get("/api/v1/search?q=" + q);
    ASSERT_TRUE(api.has_value());
    EXPECT_LT(api->status, 500) << q.substr(0, 40);
  }
}

TEST_P(Search, ATooLongQueryGetsTheResultsPageWithTheReason) {
  auto page = server->get("/szukaj?q=" + std::string(10000, 'a'));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->status, 400);
  EXPECT_NE(page->body.find("Zapytanie jest za długie"), std::string::npos);
  EXPECT_NE(page->body.find("name=\"q\""), std::string::npos);  // the search form, to shorten it
}

INSTANTIATE_TEST_SUITE_P(Engines, Search, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
