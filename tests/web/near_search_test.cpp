// Search near a place on /szukaj and /api/v1/search (web/near_search.h): the practices the map
// places within the radius go to the search with their distances, nearest first when nothing
// else is asked; the page says where, shows each hit's distance and keeps the place in its links.
// Over the demo data (Śrem, two practices; Śrem is about 37 km from Poznań).
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"

namespace bdp::testing {
namespace {

class NearSearch : public PortalFixture {
 protected:
  // The fake search answers one hit, `km` from the place.
  void answer_one_hit(double km) {
    auto hit = sample_hit();
    hit.distance_km = km;
    search->results.total = 1;
    search->results.hits = {hit};
  }
};

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST_F(NearSearch, ThePracticesWithinTheRadiusGoToTheSearchNearestFirst) {
  answer_one_hit(36.84);
  const auto r = get("/szukaj?blisko=Pozna%C5%84&promien=50");
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(search->last_query && search->last_query->near);
  EXPECT_EQ(search->last_query->near->size(), 2U);
  EXPECT_NEAR(search->last_query->near->at(1), 37, 3);
  EXPECT_EQ(search->last_query->sort, search::SortOrder::distance);
  EXPECT_TRUE(has(r.body, "1 wynik w promieniu 50 km od miejscowości Poznań"));
  EXPECT_TRUE(has(r.body, "36,8 km · "));
  EXPECT_TRUE(has(r.body, R"(<option value="distance" selected>najbliżej</option>)"));
  EXPECT_TRUE(has(r.body, R"(name="blisko" type="text" value="Poznań")"));
  EXPECT_TRUE(has(r.body, R"(<option value="50" selected>50 km</option>)"));
  EXPECT_TRUE(has(r.body, "/szukaj?q=&amp;blisko=Pozna%C5%84&amp;promien=50"))
      << "the page's own address keeps the place";
  EXPECT_TRUE(has(r.body, "Filtry (1 wybrany)"));
}

TEST_F(NearSearch, NothingWithinTheRadiusIsNothingNotEverything) {
  get("/szukaj?blisko=Krak%C3%B3w&promien=10");
  ASSERT_TRUE(search->last_query && search->last_query->near);
  EXPECT_TRUE(search->last_query->near->empty());
}

TEST_F(NearSearch, WordsKeepTheirRelevanceUnlessDistanceIsAsked) {
  get("/szukaj?q=senior&blisko=Pozna%C5%84&promien=50");
  EXPECT_EQ(search->last_query->sort, search::SortOrder::relevance);
  get("/szukaj?q=senior&blisko=Pozna%C5%84&promien=50&sort=distance");
  EXPECT_EQ(search->last_query->sort, search::SortOrder::distance);
  get("/szukaj?q=senior");
  EXPECT_FALSE(search->last_query->near);
  EXPECT_FALSE(has(get("/szukaj?q=senior").body, R"(value="distance")"));
}

TEST_F(NearSearch, AnUnknownPlaceIsSaidAndSearchesNothing) {
  const auto r = get("/szukaj?blisko=Atlantyda");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has(r.body, "Nie znaleziono takiej miejscowości."));
  EXPECT_TRUE(has(r.body, R"(value="Atlantyda")"));
  EXPECT_FALSE(search->last_query);
  EXPECT_EQ(get("/szukaj?blisko=Dolsk&promien=31").status, 400);
}

TEST_F(NearSearch, TheSearchApiTakesThePlaceToo) {
  answer_one_hit(36.84);
  const auto r = get("/api/v1/search?blisko=Pozna%C5%84&promien=50");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r)["hits"][0]["distance_km"], 36.8);
  EXPECT_EQ(json_of(r)["query"]["sort"], "distance");
  EXPECT_EQ(get("/api/v1/search?blisko=Atlantyda").status, 400);
}

}  // namespace
}  // namespace bdp::testing
