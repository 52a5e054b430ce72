// "Zastosowaliśmy to u nas" end to end, on every engine: a unit sends the public form (a
// refused form keeps what was typed), nothing is public until an editor publishes it, then
// both practices link each other and the listing counts it; a reviewer may not decide; a
// withdrawal takes it off; an adoption given in the JSON import is shown as imported; one's own
// practice must be a published one of the unit named.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <thread>

#include "editor_client.h"

namespace bdp::testing {
namespace {

constexpr const char* kDataset = R"json({
  "format": "bdp", "version": 1,
  "sections": [{"id": 1, "parent_id": null, "slug": "uslugi", "name": "Usługi", "position": 0,
                "legacy_key": ""}],
  "units": [{"id": 7, "slug": "baranow-lubelskie", "name": "Baranów", "type": "gmina wiejska",
             "town": "Baranów", "county": "puławski", "voivodeship": "lubelskie", "teryt": "",
             "population": [], "latitude": 51.56, "longitude": 22.04},
            {"id": 8, "slug": "kosciany-opolskie", "name": "Kościany", "type": "gmina wiejska",
             "town": "Kościany", "county": "", "voivodeship": "opolskie", "teryt": "",
             "population": [], "latitude": 50.55, "longitude": 17.62}],
  "practices": [{"id": 900, "slug": "klub-seniora", "title": "Klub seniora w Baranowie",
                 "summary": "Skrót.", "entered_on": "2020-01-02", "unit_id": 7,
                 "section_ids": [1], "status": "published"},
                {"id": 901, "slug": "klub-w-koscianach", "title": "Klub seniora w Kościanach",
                 "summary": "Skrót.", "entered_on": "2021-01-02", "unit_id": 8,
                 "section_ids": [1], "status": "published"},
                {"id": 902, "slug": "szkic", "title": "Szkic", "summary": "", "unit_id": 8,
                 "section_ids": [1], "status": "draft"}],
  "adoptions": [{"id": 5, "practice_id": 901, "unit_id": 7, "kind": "adopted", "year": 2023,
                 "changes": "Zaimportowane zastosowanie.", "status": "published",
                 "created_on": "2023-05-01"}]
})json";

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

constexpr const char* kForm = "/praktyki/900-klub-seniora/zastosowalismy";

class Adoptions : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "redaktor@bdp.pl", "Redaktor", kEditorPassword, "editor");
    add_editor(*db, "recenzent@bdp.pl", "Recenzent", kEditorPassword, "reviewer");
    const auto file = db->dir() / "adoptions.json";
    std::ofstream(file) << kDataset;
    auto [code, out] = run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
    ASSERT_EQ(code, 0) << out;
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
  }
  void TearDown() override {
    server.reset();
    db.reset();
  }
  RawResponse post(const std::string& target, const std::string& body,
                   const std::string& headers = {}) {
    auto r = server->request(post_request(target, body, headers));
    EXPECT_TRUE(r.has_value());
    return r.value_or(RawResponse{});
  }
  std::string page(const std::string& target) {
    auto r = server->get(target);
    EXPECT_TRUE(r && r->status == 200) << target;
    return r ? r->body : "";
  }
  // The page once `holds(body)` is true (the node follows the change log every 200 ms), or as
  // it last was after 5 s.
  template <class Holds>
  std::string page_once(const std::string& target, Holds holds) {
    std::string body;
    for (int i = 0; i < 100; ++i) {
      body = page(target);
      if (holds(body)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return body;
  }
  // The id of the one pending adoption the desk lists.
  std::string pending_id(const std::string& session) {
    auto desk = server->get("/redakcja/zastosowania", session);
    EXPECT_TRUE(desk && desk->status == 200);
    std::smatch m;
    const std::string body = desk ? desk->body : "";
    EXPECT_TRUE(
        std::regex_search(body, m, std::regex(R"(/redakcja/zastosowania/([0-9]+)/opublikuj)")))
        << body;
    return m.empty() ? "" : m[1].str();
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};
INSTANTIATE_TEST_SUITE_P(Engines, Adoptions, ::testing::ValuesIn(test_engines()));

const std::string kGoodForm =
    "jednostka=Ko%C5%9Bciany&typ=gmina+wiejska&wojewodztwo=opolskie&sposob=adapted&rok=2022"
    "&zmiany=Klub+dzia%C5%82a+w+szkole+%3Cb%3Ewieczorami%3C%2Fb%3E."
    "&nasza_praktyka=https%3A%2F%2Fbdp.example%2Fpraktyki%2F901-klub-w-koscianach"
    "&osoba=Anna+Nowak&email=anna%40kosciany.example.pl&strona_domowa=";

TEST_P(Adoptions, ARefusedFormSaysWhyAtEachFieldAndKeepsWhatWasTyped) {
  auto form = server->get(kForm);
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("name=\"zmiany\""), std::string::npos);
  auto refused = post(kForm,
                      "jednostka=Ko%C5%9Bciany&typ=gmina+wiejska&wojewodztwo=opolskie"
                      "&sposob=adapted&rok=2999&zmiany=%3Cscript%3Ex%3C%2Fscript%3E"
                      "&nasza_praktyka=902&osoba=&email=anna%40kosciany.example.pl");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("<title>Błąd: "), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#rok\""), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#osoba\""), std::string::npos);
  EXPECT_NE(refused.body.find("id=\"rok-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"2999\""), std::string::npos);
  EXPECT_NE(refused.body.find("&lt;script&gt;x&lt;/script&gt;</textarea>"), std::string::npos);
  EXPECT_EQ(refused.body.find("<script>x"), std::string::npos);
  // The own practice must be a published one: the draft 902 is refused by the store's check.
  auto own = post(kForm, std::regex_replace(kGoodForm, std::regex("901-klub-w-koscianach"), "902"));
  EXPECT_EQ(own.status, 400);
  EXPECT_NE(own.body.find("href=\"#nasza_praktyka\""), std::string::npos);
  // Another unit's practice is not one's own.
  auto other = post("/praktyki/901-klub-w-koscianach/zastosowalismy",
                    std::regex_replace(kGoodForm, std::regex("901-klub-w-koscianach"), "900"));
  EXPECT_EQ(other.status, 400);
  EXPECT_NE(other.body.find("należy do innej jednostki"), std::string::npos);
  auto editor = session_of(*server, "redaktor@bdp.pl");
  auto desk = server->get("/redakcja/zastosowania", editor);
  ASSERT_TRUE(desk);
  EXPECT_NE(desk->body.find("Nic nie czeka na sprawdzenie."), std::string::npos);
  EXPECT_EQ(post(kForm, kGoodForm + "x").status, 400);  // the honeypot was filled
}

TEST_P(Adoptions, ASentAdoptionIsShownOnBothPracticesOnceAnEditorPublishesIt) {
  auto sent = post(kForm, kGoodForm);
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), std::string(kForm) + "?wyslano=1");
  EXPECT_NE(page(std::string(kForm) + "?wyslano=1").find("Dziękujemy za zgłoszenie"),
            std::string::npos);
  EXPECT_EQ(page("/praktyki/900-klub-seniora").find("Klub działa w szkole"), std::string::npos);

  auto reviewer = session_of(*server, "recenzent@bdp.pl");
  EXPECT_EQ(server->get("/redakcja/zastosowania", reviewer)->status, 403);
  auto editor = session_of(*server, "redaktor@bdp.pl");
  const auto id = pending_id(editor);
  ASSERT_FALSE(id.empty());
  auto desk = server->get("/redakcja/zastosowania", editor)->body;
  EXPECT_NE(desk.find("anna@kosciany.example.pl"), std::string::npos);
  EXPECT_NE(desk.find("&lt;b&gt;wieczorami&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(desk.find("Ich praktyka w bazie: <a href=\"/praktyki/901-klub-w-koscianach\">Klub "
                      "seniora w Kościanach</a> (Kościany)"),
            std::string::npos)
      << desk;
  const auto csrf = csrf_field(desk);
  EXPECT_EQ(post("/redakcja/zastosowania/" + id + "/opublikuj",
                 "csrf=" + csrf_field(server->get("/redakcja", reviewer)->body), reviewer)
                .status,
            403);
  EXPECT_EQ(post("/redakcja/zastosowania/" + id + "/opublikuj", "csrf=wrong", editor).status, 403);
  ASSERT_EQ(post("/redakcja/zastosowania/" + id + "/opublikuj", "csrf=" + csrf, editor).status,
            303);

  const auto original = page_once("/praktyki/900-klub-seniora", [](const std::string& body) {
    return body.find("Przeniesione do…") != std::string::npos;
  });
  EXPECT_NE(original.find("Przeniesione do…"), std::string::npos);
  EXPECT_NE(original.find("<a href=\"/jednostki/kosciany-opolskie\">Kościany</a> (2022, "
                          "dostosowana do naszych warunków): <a "
                          "href=\"/praktyki/901-klub-w-koscianach\">Klub seniora w Kościanach</a>"),
            std::string::npos)
      << original;
  EXPECT_NE(original.find("Klub działa w szkole &lt;b&gt;wieczorami&lt;/b&gt;."),
            std::string::npos);
  EXPECT_EQ(original.find("anna@kosciany.example.pl"), std::string::npos);
  const auto own = page("/praktyki/901-klub-w-koscianach");
  EXPECT_NE(own.find("Zainspirowane przez…"), std::string::npos);
  EXPECT_NE(own.find("<a href=\"/praktyki/900-klub-seniora\">Klub seniora w Baranowie</a> (2022"),
            std::string::npos)
      << own;
  // Imported before: 901 was taken up by Baranów; now 900 by Kościany. Each counted once.
  const auto listing = page("/dzialy/uslugi");
  EXPECT_EQ(occurrences(listing, "1 jednostka ją zastosowała"), 2u) << listing;
  // The map draws both, each from the practice's unit to the one that took it up.
  const auto lines = page("/api/v1/adoptions.geojson");
  EXPECT_NE(lines.find(R"("coordinates":[[22.04,51.56],[17.62,50.55]])"), std::string::npos)
      << lines;
  EXPECT_NE(lines.find(R"("coordinates":[[17.62,50.55],[22.04,51.56]])"), std::string::npos);
  auto audit = server->get("/redakcja/dziennik", editor)->body;
  EXPECT_NE(audit.find("adoption:publish"), std::string::npos);
  EXPECT_NE(audit.find("adoption:sent"), std::string::npos);

  ASSERT_EQ(post("/redakcja/zastosowania/" + id + "/wycofaj", "csrf=" + csrf, editor).status, 303);
  EXPECT_NE(server->get("/redakcja/dziennik", editor)->body.find("adoption:withdraw"),
            std::string::npos);
  const auto withdrawn = [](const std::string& body) {
    return body.find("Kościany</a> (2022") == std::string::npos &&
           body.find("Zainspirowane przez…") == std::string::npos;
  };
  EXPECT_TRUE(withdrawn(page_once("/praktyki/900-klub-seniora", withdrawn)));
  EXPECT_TRUE(withdrawn(page_once("/praktyki/901-klub-w-koscianach", withdrawn)));
}

TEST_P(Adoptions, AnImportedAdoptionIsShownAndEnglishPagesLabelIt) {
  const auto original = page("/praktyki/901-klub-w-koscianach");
  EXPECT_NE(original.find("<a href=\"/jednostki/baranow-lubelskie\">Baranów</a> (2023, "
                          "przeniesiona bez zmian)"),
            std::string::npos)
      << original;
  const auto english = page("/en/praktyki/901-klub-w-koscianach");
  EXPECT_NE(english.find("Taken up by…"), std::string::npos);
  EXPECT_NE(english.find("(2023, taken over as it was)"), std::string::npos);
  EXPECT_NE(english.find("href=\"/en/praktyki/901-klub-w-koscianach/zastosowalismy\""),
            std::string::npos);
  EXPECT_EQ(server->get("/praktyki/902-szkic/zastosowalismy")->status, 404);
  // Any other reference to the practice goes to its permalink's form.
  auto moved = server->get("/praktyki/900-stary-tytul/zastosowalismy?wyslano=1");
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->status, 301);
  EXPECT_EQ(moved->header("location"), "/praktyki/900-klub-seniora/zastosowalismy?wyslano=1");
}

}  // namespace
}  // namespace bdp::testing
