// /mapa and its GeoJSON through the whole pipeline, over the demo data (Śrem, two practices).
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"

namespace bdp::testing {
namespace {

using Map = PortalFixture;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST_F(Map, ShowsTheSvgMapAndTheListWithoutJavaScript) {
  const auto r = get("/mapa");
  ASSERT_EQ(r.status, 200);
  const auto& html = r.body;
  // Skip links to both, at the top.
  EXPECT_LT(html.find(R"(href="#lista-praktyk")"), html.find("<svg"));
  EXPECT_TRUE(has(html, R"(<section id="lista-praktyk")"));
  EXPECT_TRUE(has(html, R"(<section id="mapa-praktyk")"));
  EXPECT_EQ(count(html, R"(class="map-voivodeship")"), 16u);
  // One marker for the town, a link to its group of the list, named with the count.
  EXPECT_EQ(count(html, R"(<circle class="map-marker")"), 1u);
  EXPECT_TRUE(
      has(html, R"(<a href="#m-wielkopolskie-sremski-srem" aria-label="Śrem: 2 praktyki">)"));
  EXPECT_TRUE(has(html, R"(<li id="m-wielkopolskie-sremski-srem" tabindex="-1">)"));
  // The list: voivodeship → county → town → unit → practices (a small selection: by title).
  const auto voivodeship = html.find("<h3>wielkopolskie"), county = html.find("<h4>powiat śremski");
  ASSERT_NE(voivodeship, std::string::npos);
  EXPECT_LT(voivodeship, county);
  EXPECT_TRUE(has(html, "/praktyki/1-"));
  EXPECT_TRUE(has(html, "/praktyki/2-"));
  EXPECT_FALSE(has(html, R"(<p class="map-list-note">)"));
  EXPECT_TRUE(has(html, R"(<p class="total">2 praktyki</p>)"));
  // Scripts only from /static/, no inline style or script (a strict CSP is coming).
  EXPECT_TRUE(has(html, R"(<script src="/static/js/map.js?v=)"));
  EXPECT_FALSE(has(html, "<script>"));
  EXPECT_FALSE(has(html, " style="));
  EXPECT_TRUE(has(html, R"(data-geojson="/api/v1/practices.geojson?q=")"));
}

TEST_F(Map, NearbyTownsShareAMarkerAndALargeSelectionListsUnitsNotTitles) {
  // 301 practices: the demo's two in Śrem and 299 in Dolsk, 14 km away (one cell of the map).
  auto data = demo_dataset();
  Unit dolsk = data.units.front();
  dolsk.id = 2;
  dolsk.slug = "dolsk-wielkopolskie";
  dolsk.name = "Dolsk";
  dolsk.town = "Dolsk";
  dolsk.teryt.clear();
  data.units.push_back(dolsk);
  const Practice model = data.practices.front();
  for (int i = 0; i < 299; ++i) {
    Practice p = model;
    p.id = 100 + i;
    p.slug.clear();
    p.title = "Praktyka z Dolska nr " + std::to_string(i);
    p.unit_id = 2;
    data.practices.push_back(p);
  }
  start(data);
  const auto html = get("/mapa").body;
  EXPECT_EQ(count(html, R"(<circle class="map-marker")"), 1u);
  EXPECT_TRUE(has(html, R"(aria-label="Dolsk i okolice (2 miejscowości): 301 praktyk")"))
      << "named by the town with the most practices, linking to its list entry";
  EXPECT_TRUE(has(html, R"(<a href="#m-wielkopolskie-sremski-dolsk")"));
  EXPECT_TRUE(has(html, R"(<p class="map-list-note">)"));
  EXPECT_FALSE(has(html, "Praktyka z Dolska nr 7"));
  EXPECT_TRUE(has(
      html,
      R"(<a class="unit" href="/jednostki/dolsk-wielkopolskie">Dolsk</a> <span class="count">(299 praktyk)</span>)"));
  EXPECT_TRUE(has(html, R"(<p class="total">301 praktyk</p>)"));
}

TEST_F(Map, FiltersAsSearchDoesInTheSameParameters) {
  search->matching = {2};
  const auto r = get("/mapa?q=rodzin&voivodeship=wielkopolskie");
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(has(r.body, "/praktyki/1-"));
  EXPECT_TRUE(has(r.body, "/praktyki/2-"));
  EXPECT_TRUE(has(r.body, R"(aria-label="Śrem: 1 praktyka")"));
  EXPECT_TRUE(has(r.body, R"(value="rodzin")"));
  EXPECT_TRUE(
      has(r.body,
          R"(data-geojson="/api/v1/practices.geojson?q=rodzin&amp;voivodeship=wielkopolskie")"));
  search->matching = {};
  const auto none = get("/mapa?voivodeship=mazowieckie");
  EXPECT_TRUE(has(none.body, "Żadna praktyka nie spełnia tych warunków."));
  EXPECT_EQ(count(none.body, "<circle"), 0u);
}

TEST_F(Map, WithoutSearchShowsEverythingButNoFilteredMap) {
  search->failure = Error{ErrorKind::unavailable, "index gone"};
  const auto all = get("/mapa");
  EXPECT_EQ(all.status, 200);
  EXPECT_TRUE(has(all.body, "/praktyki/1-"));
  const auto filtered = get("/mapa?voivodeship=wielkopolskie");
  EXPECT_EQ(filtered.status, 503);
  EXPECT_FALSE(has(filtered.body, "/praktyki/1-"));
}

TEST_F(Map, SpeaksEnglish) {
  const auto r = get("/en/mapa");
  EXPECT_TRUE(has(r.body, "Skip to the list of practices"));
  EXPECT_TRUE(has(r.body, R"(aria-label="Śrem: 2 practices")"));
  EXPECT_TRUE(has(r.body, R"(data-word-one="practice" data-word-few="practices")"));
}

TEST_F(Map, GivesTheGeoJsonOfThePracticesLongitudeFirst) {
  const auto r = get("/api/v1/practices.geojson");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").value_or(""), "application/geo+json");
  const auto j = json_of(r);
  EXPECT_EQ(j["type"], "FeatureCollection");
  EXPECT_EQ(j["total"], 2);
  ASSERT_EQ(j["features"].size(), 2u);
  const auto& f = j["features"][0];
  EXPECT_EQ(f["type"], "Feature");
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_EQ(f["geometry"]["coordinates"], nlohmann::json::parse("[17.01508, 52.08868]"));
  EXPECT_EQ(f["properties"]["unit"], "Śrem");
  EXPECT_EQ(f["properties"]["source"], "gazetteer");
  EXPECT_EQ(f["properties"]["unit_url"], "/jednostki/srem-wielkopolskie");
  EXPECT_TRUE(f["properties"]["url"].get<std::string>().starts_with("/praktyki/1-"));
}

TEST_F(Map, AnswersAnUnchangedGeoJsonWith304AndAChangedOneAnew) {
  const auto first = get("/api/v1/practices.geojson?zoom=7");
  const auto etag = std::string(first.header("etag").value_or(""));
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(get("/api/v1/practices.geojson?zoom=7", {{"if-none-match", etag}}).status, 304);
  // A unit placed by hand: the store's change log moves, the map follows.
  auto unit = sqlite->unit_by_slug("srem-wielkopolskie");
  ASSERT_TRUE(unit);
  unit->latitude = 52.1;
  unit->longitude = 17.02;
  ASSERT_TRUE(sqlite->save_unit(*unit));
  const auto after = get("/api/v1/practices.geojson?zoom=7", {{"if-none-match", etag}});
  ASSERT_EQ(after.status, 200);
  const auto j = json_of(after);
  EXPECT_EQ(j["features"][0]["geometry"]["coordinates"], nlohmann::json::parse("[17.02, 52.1]"));
  EXPECT_EQ(j["features"][0]["properties"]["source"], "hand");
}

TEST_F(Map, GeoJsonKeepsToTheViewAndRefusesAMalformedOne) {
  const auto south = json_of(get("/api/v1/practices.geojson?zoom=8&bbox=18,49,21,51"));
  EXPECT_EQ(south["total"], 0);
  EXPECT_TRUE(south["features"].empty());
  const auto around = json_of(get("/api/v1/practices.geojson?zoom=8&bbox=16.5,51.5,17.5,52.5"));
  EXPECT_EQ(around["total"], 2);
  for (const auto* bad :
       {"bbox=1,2,3", "bbox=20,49,18,51", "bbox=a,b,c,d", "zoom=23", "zoom=6.5"}) {
    const auto r = get(std::string("/api/v1/practices.geojson?") + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.header("content-type").value_or(""), "application/problem+json") << bad;
  }
}

TEST_F(Map, GivesTheVoivodeshipsAsTheBaseLayer) {
  const auto r = get("/api/v1/voivodeships.geojson");
  ASSERT_EQ(r.status, 200);
  const auto j = json_of(r);
  ASSERT_EQ(j["features"].size(), 16u);
  EXPECT_EQ(j["features"][0]["geometry"]["type"], "Polygon");
  EXPECT_EQ(j["features"][0]["properties"]["name"], "dolnośląskie");
}

TEST_F(Map, TheMapOfEverythingIsCachedUntilAChangeIsFollowed) {
  const std::string before = R"(<a class="unit" href="/jednostki/srem-wielkopolskie">Śrem</a>:)";
  EXPECT_TRUE(has(get("/mapa").body, before));
  const auto cached = portal->cached_pages();
  auto unit = sqlite->unit_by_slug("srem-wielkopolskie");
  unit->name = "Gmina Śrem";
  ASSERT_TRUE(sqlite->save_unit(*unit));
  EXPECT_TRUE(has(get("/mapa").body, before));  // not followed yet
  EXPECT_EQ(portal->cached_pages(), cached);
  portal->on_changes();
  EXPECT_TRUE(has(get("/mapa").body,
                  R"(<a class="unit" href="/jednostki/srem-wielkopolskie">Gmina Śrem</a>:)"));
}

TEST_F(Map, SendsTheGeoJsonGzippedToThoseWhoAcceptIt) {
  const auto plain = get("/api/v1/practices.geojson");
  const auto gz = get("/api/v1/practices.geojson", {{"accept-encoding", "gzip"}});
  EXPECT_EQ(gz.header("content-encoding").value_or(""), "gzip");
  EXPECT_LT(gz.body.size(), plain.body.size());
  EXPECT_FALSE(plain.header("content-encoding"));
  const auto etag = std::string(gz.header("etag").value_or(""));
  EXPECT_TRUE(etag.ends_with("-gz\"")) << etag;
  EXPECT_NE(etag, plain.header("etag").value_or(""));
  EXPECT_EQ(get("/api/v1/practices.geojson", {{"accept-encoding", "gzip"}, {"if-none-match", etag}})
                .status,
            304);
}

TEST_F(Map, NearAPlaceKeepsThePracticesWithinItsRadius) {
  // Dolsk is 12 km from Śrem, Kraków about 330 km.
  const auto near = get("/mapa?blisko=Dolsk&promien=30");
  ASSERT_EQ(near.status, 200);
  EXPECT_TRUE(has(near.body, "2 praktyki w promieniu 30 km od miejscowości Dolsk"));
  EXPECT_TRUE(has(near.body, R"(value="Dolsk")"));
  EXPECT_TRUE(has(near.body, R"(<option value="30" selected>)"));
  EXPECT_TRUE(has(near.body, "practices.geojson?q=&amp;blisko=Dolsk&amp;promien=30"));
  // The GeoJSON near a place gives each practice its distance, for the list beside the map.
  const auto geojson = json_of(get("/api/v1/practices.geojson?q=&blisko=Dolsk&promien=30"));
  ASSERT_EQ(geojson["features"].size(), 2U);
  EXPECT_NEAR(geojson["features"][0]["properties"]["distance_km"].get<double>(), 12, 3);
  EXPECT_FALSE(json_of(get("/api/v1/practices.geojson"))["features"][0]["properties"].contains(
      "distance_km"));
  const auto far = get("/mapa?blisko=Krak%C3%B3w&promien=100");
  EXPECT_TRUE(has(far.body, "0 praktyk w promieniu 100 km od miejscowości Kraków"));
  EXPECT_FALSE(has(far.body, "/praktyki/1-"));
  EXPECT_EQ(json_of(get("/api/v1/practices.geojson?blisko=Krak%C3%B3w"))["total"], 0);
  EXPECT_EQ(json_of(get("/api/v1/practices.geojson?blisko=srem&promien=10"))["total"], 2);
}

TEST_F(Map, SaysSoWhenThePlaceIsUnknown) {
  const auto page = get("/mapa?blisko=Atlantyda");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(has(page.body, "Nie znaleziono takiej miejscowości."));
  EXPECT_TRUE(has(page.body, R"(value="Atlantyda")"));
  EXPECT_EQ(get("/api/v1/practices.geojson?blisko=Atlantyda").status, 400);
  EXPECT_EQ(get("/api/v1/practices.geojson?blisko=Dolsk&promien=31").status, 400);
}

TEST_F(Map, PracticeAndUnitPagesShowTheUnitsPlaceOnASmallMap) {
  for (const auto* path : {"/jednostki/srem-wielkopolskie", "/praktyki/1"}) {
    auto r = get(path);
    if (r.status == 301) r = get(std::string(r.header("location").value_or("")));
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_TRUE(has(r.body, R"(<div class="place-map"><svg )")) << path;
    EXPECT_TRUE(has(r.body, R"(role="img" aria-label="Położenie na mapie Polski: Śrem")")) << path;
    EXPECT_EQ(count(r.body, R"(<circle class="map-marker")"), 1u) << path;
  }
}

}  // namespace
}  // namespace bdp::testing
