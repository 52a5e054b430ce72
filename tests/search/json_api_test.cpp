#include "search/json_api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "search/facets.h"

namespace bdp::search {
namespace {

TEST(JsonApi, SerialisesHitsFacetsAndTheQueryEcho) {
  Query query;
  query.text = "rower";
  query.filters.emplace("voivodeship", "dolnośląskie");
  SearchResults results;
  results.total = 1;
  Hit hit;
  hit.id = 5;
  hit.title = "Wrocławski Rower Miejski";
  hit.slug = "praktyka-5";
  hit.place = "Wrocław";
  hit.entered_on = "2012-09-01";
  hit.snippet_html = "<mark>Rower</mark> &amp; stacje";
  hit.score = 1.5;
  results.hits.push_back(hit);
  results.facets.push_back(
      {"voivodeship", "Województwo", {{"dolnośląskie", "dolnośląskie", 1, true, "", 0}}});
  results.facets.push_back({"section", "Dział", {{"2", "Usługi techniczne", 1, false, "", 0}}});
  results.spelling_suggestion = "rowery";

  auto j = nlohmann::json::parse(search_results_to_json(query, results));
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["query"]["q"], "rower");
  EXPECT_EQ(j["query"]["filters"]["voivodeship"][0], "dolnośląskie");
  EXPECT_EQ(j["query"]["sort"], "relevance");
  EXPECT_EQ(j["hits"][0]["url"], "/praktyki/5-praktyka-5");
  EXPECT_EQ(j["hits"][0]["kind"], "practice");
  EXPECT_FALSE(j["hits"][0].contains("file_url"));
  EXPECT_EQ(j["hits"][0]["snippet_html"], "<mark>Rower</mark> &amp; stacje");
  EXPECT_EQ(j["facets"][0]["values"][0]["selected"], true);
  EXPECT_FALSE(j["facets"][0]["values"][0].contains("depth"));
  EXPECT_EQ(j["facets"][1]["values"][0]["depth"], 0);
  EXPECT_EQ(j["spelling_suggestion"], "rowery");
  EXPECT_EQ(j["corrected"], false);
}

TEST(JsonApi, SerialisesADocumentHitWithItsPageAndLinks) {
  SearchResults results;
  Hit hit;
  hit.kind = HitKind::document;
  hit.id = 7;
  hit.title = "Raport";
  hit.href = "/publikacje/7-raport";
  hit.file_href = "/publikacje/7/plik#page=2";
  hit.page = 2;
  hit.document_kind = "raport";
  hit.format = "pdf";
  results.hits.push_back(hit);
  auto j = nlohmann::json::parse(search_results_to_json(Query{}, results));
  EXPECT_EQ(j["hits"][0]["kind"], "document");
  EXPECT_EQ(j["hits"][0]["url"], "/publikacje/7-raport");
  EXPECT_EQ(j["hits"][0]["file_url"], "/publikacje/7/plik#page=2");
  EXPECT_EQ(j["hits"][0]["page"], 2);
  EXPECT_EQ(j["hits"][0]["document_kind"], "raport");
  EXPECT_EQ(j["hits"][0]["format"], "pdf");
}

TEST(JsonApi, ReplacesInvalidUtf8InsteadOfFailing) {
  SearchResults results;
  Hit hit;
  hit.id = 1;
  hit.title = "zły \xff tytuł";
  results.hits.push_back(hit);
  auto j = nlohmann::json::parse(search_results_to_json(Query{}, results));
  EXPECT_EQ(j["hits"][0]["title"], "zły \xef\xbf\xbd tytuł");
}

TEST(JsonApi, SerialisesSuggestions) {
  auto j =
      nlohmann::json::parse(suggestions_to_json({{3, "Budżet obywatelski Krakowa", "budzet"}}));
  EXPECT_EQ(j["suggestions"][0]["id"], 3);
  EXPECT_EQ(j["suggestions"][0]["title"], "Budżet obywatelski Krakowa");
}

TEST(QueryParameters, ReadQueryFacetsSortAndPageAndIgnoreTheRest) {
  auto q = query_from_parameters({{"q", "rower"},
                                  {"voivodeship", "mazowieckie"},
                                  {"voivodeship", "śląskie"},
                                  {"sort", "title"},
                                  {"page", "3"},
                                  {"page_size", "5000"},
                                  {"utm_source", "x"}});
  EXPECT_EQ(q.text, "rower");
  EXPECT_EQ(q.filters.count("voivodeship"), 2u);
  EXPECT_EQ(q.filters.size(), 2u);
  EXPECT_EQ(q.sort, SortOrder::title);
  EXPECT_EQ(q.page, 3);
  EXPECT_EQ(q.page_size, kMaxPageSize);
  EXPECT_EQ(query_from_parameters({{"page", "-2x"}}).page, 1);
}

TEST(PopulationBands, IncludeTheirLowerBound) {
  EXPECT_EQ(population_band(4'999), "lt5k");
  EXPECT_EQ(population_band(5'000), "5k-20k");
  EXPECT_EQ(population_band(20'000), "20k-50k");
  EXPECT_EQ(population_band(99'999), "50k-100k");
  EXPECT_EQ(population_band(100'000), "gt100k");
  EXPECT_EQ(population_band(std::nullopt), "");
}

}  // namespace
}  // namespace bdp::search
