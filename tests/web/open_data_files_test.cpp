// The published open-data files through the whole pipeline on the demo data: the sitemap index
// and its parts, robots.txt, the Atom feeds and their <link rel="alternate"> on pages, the
// catalogue (DCAT-AP-PL by content negotiation, dane.gov.pl XML and its .md5), schema.org
// JSON-LD and OpenGraph on pages, the embeddable list of a unit. (The real validators run in
// scripts/check-opendata.sh.)
#include <gtest/gtest.h>

#include <regex>

#include "../support/portal_fixture.h"
#include "opendata/digest.h"

namespace bdp::testing {
namespace {

using OpenDataFiles = PortalFixture;

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    out.push_back((*it)[1].str());
  return out;
}

// The JSON-LD of a page (the one <script type="application/ld+json">), parsed.
nlohmann::json json_ld(const std::string& html) {
  const auto found = all_matches(html, R"(<script type="application/ld\+json">([^<]*)</script>)");
  EXPECT_EQ(found.size(), 1U);
  return found.empty() ? nlohmann::json() : nlohmann::json::parse(found.front());
}

TEST_F(OpenDataFiles, TheSitemapIndexNamesOnePartPerKindWithLastmod) {
  const auto index = get("/sitemap.xml");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type").value_or(""), "application/xml");
  EXPECT_EQ(all_matches(index.body, "<loc>([^<]*)</loc>"),
            (std::vector<std::string>{"http://127.0.0.1:8080/sitemap-praktyki-1.xml",
                                      "http://127.0.0.1:8080/sitemap-jednostki-1.xml",
                                      "http://127.0.0.1:8080/sitemap-dzialy-1.xml",
                                      "http://127.0.0.1:8080/sitemap-strony-1.xml"}));
  const auto practices = get("/sitemap-praktyki-1.xml");
  ASSERT_EQ(practices.status, 200);
  const auto locs = all_matches(practices.body, "<loc>([^<]*)</loc>");
  ASSERT_EQ(locs.size(), 2U);
  EXPECT_TRUE(locs[0].starts_with("http://127.0.0.1:8080/praktyki/1-"));
  // lastmod: the time the store stamped on each practice.
  EXPECT_EQ(all_matches(practices.body, "<lastmod>([^<]*)</lastmod>").size(), 2U);
  EXPECT_EQ(all_matches(get("/sitemap-jednostki-1.xml").body, "<loc>([^<]*)</loc>"),
            (std::vector<std::string>{"http://127.0.0.1:8080/jednostki/srem-wielkopolskie"}));
  EXPECT_EQ(all_matches(get("/sitemap-dzialy-1.xml").body, "<loc>([^<]*)</loc>").size(), 13U);
  EXPECT_EQ(get("/sitemap-praktyki-2.xml").status, 404);
}

TEST_F(OpenDataFiles, RobotsNamesTheSitemap) {
  const auto r = get("/robots.txt");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Sitemap: http://127.0.0.1:8080/sitemap.xml\n"), std::string::npos);
  EXPECT_NE(r.body.find("Disallow: /redakcja\n"), std::string::npos);
}

TEST_F(OpenDataFiles, FeedsHaveStableIdsAndPagesLinkThem) {
  const auto all = get("/kanaly/praktyki.atom");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.header("content-type").value_or(""), "application/atom+xml; charset=utf-8");
  EXPECT_EQ(all_matches(all.body, "<entry><id>([^<]*)</id>"),
            (std::vector<std::string>{"http://127.0.0.1:8080/praktyki/2",
                                      "http://127.0.0.1:8080/praktyki/1"}));
  EXPECT_EQ(get("/kanaly/dzialy/uslugi-spoleczne.atom").status, 200);
  EXPECT_EQ(all_matches(get("/kanaly/dzialy/uslugi-spoleczne.atom").body, "<entry><id>([^<]*)</id>")
                .size(),
            1U);  // practice 2, in Pomoc społeczna under it
  EXPECT_EQ(get("/kanaly/wojewodztwa/wielkopolskie.atom").status, 200);
  EXPECT_EQ(get("/kanaly/dzialy/nie-ma.atom").status, 404);
  // A retitled practice is the same entry.
  auto p = sqlite->practice(1);
  ASSERT_TRUE(p);
  p->title = "Inny tytuł";
  ASSERT_TRUE(sqlite->save_practice(*p));
  EXPECT_NE(get("/kanaly/praktyki.atom").body.find("<id>http://127.0.0.1:8080/praktyki/1</id>"),
            std::string::npos);

  const auto section_page = get("/dzialy/uslugi-spoleczne");
  EXPECT_NE(section_page.body.find(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Nowe praktyki w "
                "dziale: Usługi społeczne\" href=\"http://127.0.0.1:8080/kanaly/dzialy/"
                "uslugi-spoleczne.atom\">"),
            std::string::npos);
  EXPECT_NE(get("/jednostki/srem-wielkopolskie")
                .body.find("href=\"http://127.0.0.1:8080/kanaly/wojewodztwa/wielkopolskie.atom\""),
            std::string::npos);
  EXPECT_NE(get("/").body.find("href=\"http://127.0.0.1:8080/kanaly/praktyki.atom\""),
            std::string::npos);
}

TEST_F(OpenDataFiles, TheCatalogueByContentNegotiation) {
  const auto rdf = get("/dane/katalog");
  ASSERT_EQ(rdf.status, 200);
  EXPECT_EQ(rdf.header("content-type").value_or(""), "application/rdf+xml");
  EXPECT_NE(rdf.header("vary").value_or("").find("Accept"), std::string_view::npos);
  EXPECT_NE(rdf.body.find("<dct:identifier>bdp-praktyki</dct:identifier>"), std::string::npos);
  EXPECT_NE(rdf.body.find("rdf:resource=\"https://creativecommons.org/licenses/by/4.0/\""),
            std::string::npos);
  const auto ttl = get("/dane/katalog", {{"accept", "text/turtle"}});
  EXPECT_EQ(ttl.header("content-type").value_or(""), "text/turtle; charset=utf-8");
  EXPECT_NE(ttl.body.find("a dcat:Catalog"), std::string::npos);
  EXPECT_EQ(get("/dane/katalog", {{"accept", "application/rdf+xml, text/turtle;q=0.5"}})
                .header("content-type")
                .value_or(""),
            "application/rdf+xml");
}

TEST_F(OpenDataFiles, TheLicenceIsConfigurable) {
  config.data_licence_name = "CC0 1.0";
  config.data_licence_url = "https://creativecommons.org/publicdomain/zero/1.0/";
  start(demo_dataset());
  EXPECT_NE(get("/dane/katalog").body.find("publicdomain/zero/1.0/"), std::string::npos);
  EXPECT_NE(get("/dane/dane-gov-pl.xml").body.find(">CC0 1.0</dbOrCopyrightedLicenseChosen>"),
            std::string::npos);
}

TEST_F(OpenDataFiles, DaneGovPlXmlAndItsMd5) {
  const auto xml = get("/dane/dane-gov-pl.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.header("content-type").value_or(""), "application/xml");
  EXPECT_NE(xml.body.find("xmlns:ns2=\"urn:otwarte-dane:harvester:1.13\""), std::string::npos);
  EXPECT_NE(xml.body.find("<extIdent>bdp-praktyki</extIdent>"), std::string::npos);
  EXPECT_NE(xml.body.find("<url>http://127.0.0.1:8080/dane/praktyki.csv</url>"), std::string::npos);
  EXPECT_EQ(get("/dane/dane-gov-pl.md5").body, opendata::md5_hex(xml.body));
}

TEST_F(OpenDataFiles, PracticeUnitAndCataloguePagesCarryJsonLdAndOpenGraph) {
  const auto page = get("/praktyki/2");
  ASSERT_EQ(page.status, 301);  // to the permalink
  const auto practice = get(std::string(page.header("location").value_or("")));
  ASSERT_EQ(practice.status, 200);
  const auto ld = json_ld(practice.body);
  EXPECT_EQ(ld["@type"], "CreativeWork");
  EXPECT_EQ(ld["spatialCoverage"]["@type"], "AdministrativeArea");
  EXPECT_EQ(ld["spatialCoverage"]["name"], "Śrem");
  EXPECT_EQ(ld["publisher"]["name"], "Związek Miast Polskich");
  EXPECT_EQ(ld["dateCreated"], "2013-06-27");
  EXPECT_EQ(ld["dateModified"], sqlite->practice(2)->updated_at);
  EXPECT_NE(practice.body.find("<meta property=\"og:type\" content=\"article\">"),
            std::string::npos);
  EXPECT_EQ(json_ld(get("/jednostki/srem-wielkopolskie").body)["@type"], "AdministrativeArea");
  const auto catalogue = get("/dane");
  ASSERT_EQ(catalogue.status, 200);
  const auto dataset = json_ld(catalogue.body);
  EXPECT_EQ(dataset["@type"], "Dataset");
  EXPECT_EQ(dataset["distribution"][0]["contentUrl"], "http://127.0.0.1:8080/dane/praktyki.csv");
}

TEST_F(OpenDataFiles, JsonLdCannotEndItsScriptElement) {
  auto p = sqlite->practice(1);
  ASSERT_TRUE(p);
  p->title = "</script><script>alert(1)</script>";
  ASSERT_TRUE(sqlite->save_practice(*p));
  const auto html = get(std::string(get("/praktyki/1").header("location").value_or(""))).body;
  EXPECT_EQ(html.find("</script><script>alert"), std::string::npos);
  EXPECT_EQ(json_ld(html)["name"], p->title);
}

TEST_F(OpenDataFiles, TheEmbedIsAFramablePageWithoutScriptOrCounter) {
  const auto r = get("/osadz/jednostki/srem-wielkopolskie");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-security-policy").value_or("").find("frame-ancestors *"),
            std::string_view::npos);
  EXPECT_FALSE(r.header("set-cookie"));
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  EXPECT_EQ(all_matches(r.body, R"re(<li><a href="([^"]*)")re").size(), 2U);
  EXPECT_NE(r.body.find("<base target=\"_blank\">"), std::string::npos);
  EXPECT_EQ(get("/osadz/jednostki/nie-ma").status, 404);
  // Other pages are not opened to framing by this route.
  EXPECT_FALSE(get("/").header("content-security-policy").has_value() &&
               get("/").header("content-security-policy")->find("frame-ancestors *") !=
                   std::string_view::npos);
}

}  // namespace
}  // namespace bdp::testing
