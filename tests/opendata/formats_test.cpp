// The smaller formats: API parameters and next-page addresses, XML text, RDF serialisations,
// the sitemap split into parts, Atom entries, JSON-LD in a script element, the catalogue.
#include <gtest/gtest.h>

#include "opendata/api_query.h"
#include "opendata/atom.h"
#include "opendata/catalogue.h"
#include "opendata/json_ld.h"
#include "opendata/rdf.h"
#include "opendata/sitemap.h"
#include "opendata/xml_text.h"
#include "sample_data.h"

namespace bdp::opendata {
namespace {

using Parameters = std::multimap<std::string, std::string>;

TEST(ApiQuery, ReadsEveryParameter) {
  auto q = api_query({{"cursor", "12"},
                      {"limit", "100"},
                      {"modified_since", "2024-01-31"},
                      {"section", "3"},
                      {"voivodeship", "wielkopolskie"},
                      {"unit_type", "powiat"},
                      {"q", "ignored"}});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->after_id, 12);
  EXPECT_EQ(q->limit, 100);
  EXPECT_EQ(q->modified_since, "2024-01-31T00:00:00Z");
  EXPECT_EQ(q->section_id, 3);
  EXPECT_EQ(q->voivodeship, "wielkopolskie");
  EXPECT_EQ(q->unit_type, "powiat");
  EXPECT_EQ(api_query({})->limit, kDefaultApiPage);
  EXPECT_EQ(api_query({{"modified_since", "2024-01-31T12:00:00Z"}})->modified_since,
            "2024-01-31T12:00:00Z");
}

TEST(ApiQuery, RefusesWhatIsNotANumberOrOutOfRange) {
  for (const Parameters& bad : std::vector<Parameters>{{{"limit", "0"}},
                                                       {{"limit", "101"}},
                                                       {{"limit", "1x"}},
                                                       {{"cursor", "-1"}},
                                                       {{"cursor", ""}},
                                                       {{"section", "0"}},
                                                       {{"modified_since", "2024-1-31"}},
                                                       {{"modified_since", "2024-01-31 12:00"}}}) {
    auto q = api_query(bad);
    ASSERT_FALSE(q) << bad.begin()->first << "=" << bad.begin()->second;
    EXPECT_EQ(q.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(q.error().public_message, "api.bad_parameter");
  }
}

TEST(ApiQuery, TheNextPageKeepsTheFiltersAndReplacesTheCursor) {
  EXPECT_EQ(next_page_url("https://x.org/", "/api/v1/practices",
                          {{"cursor", "3"}, {"unit_type", "gmina wiejska"}, {"limit", "2"}}, 9),
            "https://x.org/api/v1/practices?limit=2&unit_type=gmina%20wiejska&cursor=9");
}

TEST(XmlText, EscapesAndDropsWhatXmlForbids) {
  EXPECT_EQ(xml_text("a<b & \"c\"\x01\x1f\t\n"), "a&lt;b &amp; &quot;c&quot;\t\n");
}

TEST(Rdf, TurtleAndRdfXmlOfOneGraph) {
  const std::vector<RdfPrefix> prefixes = {{"dct", "http://purl.org/dc/terms/"}};
  const std::vector<Triple> graph = {
      {"https://x.org/a", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
       iri("http://www.w3.org/ns/dcat#Dataset")},
      {"https://x.org/a", "http://purl.org/dc/terms/title", text("Tytuł \"cytat\"\n<b>", "pl")},
      {"https://x.org/a", "http://purl.org/dc/terms/issued",
       typed("2011-03-03", "http://www.w3.org/2001/XMLSchema#date")}};
  EXPECT_EQ(to_turtle(graph, prefixes),
            "@prefix dct: <http://purl.org/dc/terms/> .\n"
            "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
            "\n<https://x.org/a>\n"
            "    a <http://www.w3.org/ns/dcat#Dataset> ;\n"
            "    dct:title \"Tytuł \\\"cytat\\\"\\n<b>\"@pl ;\n"
            "    dct:issued \"2011-03-03\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
  const auto xml = to_rdf_xml(graph, prefixes);
  EXPECT_NE(xml.find("<rdf:Description rdf:about=\"https://x.org/a\">"), std::string::npos);
  EXPECT_NE(xml.find("<rdf:type rdf:resource=\"http://www.w3.org/ns/dcat#Dataset\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<dct:title xml:lang=\"pl\">Tytuł &quot;cytat&quot;\n&lt;b&gt;</dct:title>"),
            std::string::npos);
}

TEST(Sitemap, SplitsAKindIntoPartsOfAtMostMaxUrls) {
  auto store = testing::sample_store();
  ASSERT_TRUE(store);
  const auto context = testing::sample_context();
  auto files = sitemap_files(*store, context, 1);
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_TRUE(files->contains("sitemap-praktyki-1.xml"));
  EXPECT_TRUE(files->contains("sitemap-praktyki-2.xml"));  // two published practices
  EXPECT_FALSE(files->contains("sitemap-praktyki-3.xml"));
  const auto& index = files->at("sitemap.xml");
  EXPECT_NE(index.find("<sitemap><loc>https://bdp.example.org/sitemap-praktyki-2.xml</loc>"
                       "<lastmod>2024-05-06T07:08:09Z</lastmod></sitemap>"),
            std::string::npos);
  const auto& first = files->at("sitemap-praktyki-1.xml");
  EXPECT_NE(first.find("<url><loc>https://bdp.example.org/praktyki/412-centrum-aktywnosci-lokalnej"
                       "</loc><lastmod>2024-05-06T07:08:09Z</lastmod></url>"),
            std::string::npos);
  // A section's lastmod is its newest practice's, its parent's too.
  EXPECT_NE(files->at("sitemap-dzialy-1.xml")
                .find("<loc>https://bdp.example.org/dzialy/uslugi-spoleczne</loc><lastmod>"),
            std::string::npos);
}

TEST(Sitemap, RobotsNamesTheIndex) {
  EXPECT_EQ(robots_txt("https://x.org/"),
            "User-agent: *\nDisallow: /redakcja\nDisallow: /szukaj\nDisallow: /api/\n\n"
            "Sitemap: https://x.org/sitemap.xml\n");
}

TEST(Atom, EntriesHaveIdsByIdAndFeedsAnUpdatedTime) {
  auto store = testing::sample_store();
  ASSERT_TRUE(store);
  auto feeds = feed_files(*store, testing::sample_context(), "BDP", "ZMP");
  ASSERT_TRUE(feeds) << feeds.error().message;
  const auto& all = feeds->at("praktyki.atom");
  EXPECT_NE(all.find("<id>https://bdp.example.org/kanaly/praktyki.atom</id>"), std::string::npos);
  EXPECT_NE(all.find("<entry><id>https://bdp.example.org/praktyki/412</id>"), std::string::npos);
  EXPECT_NE(all.find("<updated>2024-05-06T07:08:09Z</updated>"), std::string::npos);
  EXPECT_NE(all.find("<published>2011-03-03T00:00:00Z</published>"), std::string::npos);
  EXPECT_EQ(all.find("Szkic"), std::string::npos);  // the draft
  EXPECT_TRUE(feeds->contains("dzialy/pomoc-spoleczna.atom"));
  EXPECT_TRUE(feeds->contains("wojewodztwa/wielkopolskie.atom"));
  EXPECT_EQ(voivodeship_feed_name("łódzkie"), "wojewodztwa/lodzkie.atom");
}

TEST(JsonLd, APracticeWithItsPlaceAndNothingThatEndsTheScript) {
  const auto data = testing::sample_dataset();
  const auto context = testing::sample_context();
  const auto ld =
      practice_json_ld(context.record(data.practices[0]), {"ZMP", "https://bdp.example.org"},
                       "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(ld["spatialCoverage"]["identifier"]["value"], "3026033");
  EXPECT_EQ(ld["spatialCoverage"]["containedInPlace"]["name"], "województwo wielkopolskie");
  EXPECT_EQ(ld["dateModified"], "2024-05-06T07:08:09Z");
  EXPECT_EQ(ld["description"], "Pierwszy akapit.");
  EXPECT_EQ(script_json({{"x", "</script><!--&"}}),
            R"({"x":"\u003c/script\u003e\u003c!--\u0026"})");
}

TEST(Catalogue, FactsFromTheStoreAndADatasetIdentDaneGovPlAccepts) {
  auto store = testing::sample_store();
  ASSERT_TRUE(store);
  CatalogueInfo info;
  info.base_url = "https://bdp.example.org/";
  auto facts = with_store_facts(info, *store, testing::sample_context());
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->base_url, "https://bdp.example.org");
  EXPECT_EQ(facts->practices, 2);
  EXPECT_EQ(facts->issued, "2011-03-03");
  EXPECT_EQ(facts->modified, "2024-05-06T07:08:09Z");
  EXPECT_EQ(facts->keywords, (std::vector<std::string>{"Usługi społeczne"}));
  EXPECT_LE(std::string(kDatasetIdent).size(), 36U);
  const auto xml = dane_gov_xml(*facts);
  EXPECT_NE(xml.find("<url>https://bdp.example.org/dane/praktyki.jsonl.gz</url>"),
            std::string::npos);
  EXPECT_NE(xml.find("<dataDate>2024-05-06</dataDate>"), std::string::npos);
}

}  // namespace
}  // namespace bdp::opendata
