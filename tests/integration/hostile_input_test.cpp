// The hostile-input corpus (tests/integration/data/hostile_inputs.json) on both engines: every
// payload in every text field of an import is stored verbatim (prepared statements: SQL
// metacharacters are data) and never reaches a page unescaped — in text, attributes, Markdown
// or the search box; path traversal never leaves the site's files; NUL, invalid UTF-8 and
// oversized fields are refused with a clear message and nothing written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "editor_client.h"

namespace bdp::testing {
namespace {

using Json = nlohmann::json;

Json corpus() {
  return Json::parse(
      read_file(std::string(BDP_SOURCE_DIR) + "/tests/integration/data/hostile_inputs.json"));
}

std::string url_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// What a payload would plant in a page if it reached it unescaped. "<svg onload", not "<svg":
// practice and unit pages draw their own map of the unit's place.
constexpr std::string_view kPlanted[] = {
    "href=\"javascript:", "src=\"javascript:", "<script>alert", "<iframe", "<img src=x",
    "<svg onload",        " onmouseover=\"",   "<style>body",   "<object", "</textarea></title>"};

void expect_nothing_planted(const std::string& body) {
  for (std::string_view planted : kPlanted) {
    EXPECT_EQ(body.find(planted), std::string::npos) << planted;
  }
}

// A practice carrying `text` in every text field.
Json practice_with(int id, const std::string& text) {
  return {{"id", id},
          {"slug", "h-" + std::to_string(id)},
          {"title", text},
          {"summary", text},
          {"entered_on", "2026-12-01"},
          {"unit_id", 1},
          {"implementing_body", text},
          {"post_office", text},
          {"street", text},
          {"website", text},
          {"contacts", {{{"name", text}, {"position", text}, {"phones", {text}}, {"email", text}}}},
          {"section_ids", {1}},
          {"presentation", {{{"key", "cele"}, {"heading", text}, {"body", text}}}},
          {"attachments", {{{"title", text}, {"url", text}}}},
          {"status", "published"}};
}

// An adoption of practice `id` by the unit, `text` in every text field.
Json adoption_with(int id, const std::string& text) {
  return {{"id", id},
          {"practice_id", id},
          {"unit_id", 1},
          {"kind", "adapted"},
          {"year", 2020},
          {"changes", text},
          {"contact_name", text},
          {"status", "published"},
          {"created_on", "2026-12-01"}};
}

Json dataset(const Json& practices, const std::string& name,
             const Json& adoptions = Json::array()) {
  return {{"format", "bdp"},
          {"adoptions", adoptions},
          {"version", 1},
          {"sections", {{{"id", 1}, {"slug", "s"}, {"name", name}, {"position", 1}}}},
          {"units",
           {{{"id", 1},
             {"slug", "u"},
             {"name", name},
             {"type", "gmina wiejska"},
             {"town", name},
             {"county", name},
             {"voivodeship", "mazowieckie"}}}},
          {"practices", practices}};
}

class Hostile : public ::testing::TestWithParam<std::string> {
 protected:
  std::pair<int, std::string> import(const TestDatabase& db, const std::string& text) {
    const auto file = db.dir() / "in.json";
    std::ofstream(file, std::ios::binary) << text;
    return run_bdp({"import", "--database", db.url(), file.string()}, db.dir());
  }
};
INSTANTIATE_TEST_SUITE_P(Engines, Hostile, ::testing::ValuesIn(test_engines()));

TEST_P(Hostile, EveryPayloadIsStoredVerbatimAndEscapedOnEveryPage) {
  TestDatabase db(GetParam());
  const Json c = corpus();
  std::vector<std::string> payloads;
  for (const auto& p : c["markup"]) payloads.push_back(p.get<std::string>());
  for (const auto& p : c["sql"]) payloads.push_back(p.get<std::string>());
  Json practices = Json::array(), adoptions = Json::array();
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    practices.push_back(practice_with(static_cast<int>(100 + i), payloads[i]));
    if (payloads[i].find_first_not_of(" ") != std::string::npos) {
      adoptions.push_back(adoption_with(static_cast<int>(100 + i), payloads[i]));
    }
  }
  auto [code, out] = import(db, dataset(practices, payloads.front(), adoptions).dump());
  ASSERT_EQ(code, 0) << out;

  // Stored verbatim: the export gives back every byte.
  const auto exported = db.dir() / "out.json";
  std::tie(code, out) =
      run_bdp({"export", "--database", db.url(), "-o", exported.string()}, db.dir());
  ASSERT_EQ(code, 0) << out;
  const Json back = Json::parse(read_file(exported));
  ASSERT_EQ(back["practices"].size(), payloads.size());
  for (const auto& p : back["practices"]) {
    const auto i = static_cast<std::size_t>(p["id"].get<int>() - 100);
    EXPECT_EQ(p["title"], payloads[i]);
    EXPECT_EQ(p["presentation"][0]["body"], payloads[i]);
    EXPECT_EQ(p["contacts"][0]["phones"][0], payloads[i]);
  }
  ASSERT_EQ(back["adoptions"].size(), adoptions.size());
  for (const auto& a : back["adoptions"]) {
    EXPECT_EQ(a["changes"], payloads[static_cast<std::size_t>(a["id"].get<int>() - 100)]);
  }

  BdpServer server(db, {"--no-access-log", "--no-demo"});
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    const std::string& x = payloads[i];
    const std::string base =
        "/praktyki/" + std::to_string(100 + i) + "-h-" + std::to_string(100 + i);
    for (const std::string& target : std::vector<std::string>{
             base, base + "/pelna-prezentacja", base + "/zalaczniki", std::string("/"),
             std::string("/dzialy/s"), std::string("/jednostki/u"), "/szukaj?q=" + url_encode(x),
             "/api/v1/search?q=" + url_encode(x), "/api/v1/suggest?q=" + url_encode(x)}) {
      SCOPED_TRACE(target);
      auto r = server.get(target);
      ASSERT_TRUE(r);
      EXPECT_LT(r->status, 500);
      // A quote alone may stand escaped in JSON-LD (\"); tags never stand raw anywhere.
      const bool markup = x.find_first_of("<>") != std::string::npos;
      if (markup && !target.starts_with("/api/")) {
        EXPECT_EQ(r->body.find(x), std::string::npos);
      }
      if (target.starts_with("/api/")) continue;  // JSON: the text as data, checked by type
      EXPECT_EQ(r->header("content-type"), "text/html; charset=utf-8");
      expect_nothing_planted(r->body);
    }
  }
  EXPECT_EQ(server.get("/")->body.find("<!--bdp:counter-->"), std::string::npos)
      << "a payload cannot plant the counter marker";
}

// Every payload typed into every field of the public forms (a step of the submission, the
// adoption form) comes back escaped on the refused form: the year and the e-mail are never
// valid here, so each form is refused and shows what was typed.
TEST_P(Hostile, EveryPayloadTypedIntoAPublicFormComesBackEscaped) {
  TestDatabase db(GetParam());
  BdpServer server(db, {"--no-access-log"});
  const Json c = corpus();
  const auto post = [&](const std::string& target, const std::string& body) {
    return server.request("POST " + target +
                          " HTTP/1.1\r\nHost: test\r\nContent-Type: "
                          "application/x-www-form-urlencoded\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body);
  };
  for (const auto& p : c["markup"]) {
    const std::string x = url_encode(p.get<std::string>());
    std::string fields;
    for (const char* name : {"jednostka", "typ", "wojewodztwo", "powiat", "sposob", "rok", "zmiany",
                             "nasza_praktyka", "osoba", "email", "miejscowosc", "ulica", "kod",
                             "poczta", "witryna", "mieszkancy", "jednostka_wdrazajaca"}) {
      fields += std::string(fields.empty() ? "" : "&") + name + "=" + x;
    }
    for (const std::string target : {"/praktyki/1/zastosowalismy", "/zglos-praktyke/jednostka"}) {
      SCOPED_TRACE(target + " " + p.get<std::string>());
      const auto r = post(target, fields);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 400);
      expect_nothing_planted(r->body);
    }
  }
}

// Every payload in a practice under review reaches the back office escaped: the review page, its
// revisions and their comparison (every field shown as inserted), and the assessment form
// refused with the payload typed into each of its fields.
TEST_P(Hostile, EveryPayloadIsEscapedOnTheDeskPagesAndTheRefusedAssessment) {
  TestDatabase db(GetParam());
  const Json c = corpus();
  std::vector<std::string> payloads;
  for (const auto& p : c["markup"]) payloads.push_back(p.get<std::string>());
  Json practices = Json::array();
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    Json p = practice_with(static_cast<int>(100 + i), payloads[i]);
    p["status"] = "in_review";
    practices.push_back(std::move(p));
  }
  auto [code, out] = import(db, dataset(practices, payloads.front()).dump());
  ASSERT_EQ(code, 0) << out;
  add_editor(db, "redaktor@bdp.pl", "Redaktor");
  BdpServer server(db, {"--no-access-log", "--no-demo"});
  const auto session = session_of(server, "redaktor@bdp.pl");
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    const std::string base = "/redakcja/praktyki/" + std::to_string(100 + i);
    std::string csrf;
    for (const std::string& target :
         {base, base + "/wersje", base + "/wersje/porownaj?od=0&do=1"}) {
      SCOPED_TRACE(target + " " + payloads[i]);
      auto r = server.get(target, session);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200);
      expect_nothing_planted(r->body);
      if (csrf.empty()) csrf = csrf_field(r->body);
    }
    const std::string x = url_encode(payloads[i]);
    auto refused = server.request(post_request(
        base + "/ocena",
        "csrf=" + csrf + "&k_innowacyjnosc=" + x + "&uzasadnienie=" + x + "&pewnosc=" + x,
        session));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << payloads[i];
    expect_nothing_planted(refused->body);
  }
}

// A bdp on `db` (whose editor redaktor@bdp.pl is added) with that editor logged in: forms posted
// with the session's token and pages read, each answer checked for anything planted.
class HostileDesk {
 public:
  explicit HostileDesk(const TestDatabase& db) : server_(db, {"--no-access-log", "--no-demo"}) {
    session_ = session_of(server_, "redaktor@bdp.pl");
    csrf_ = csrf_field(server_.get("/redakcja", session_)->body);
  }
  // The status of `body` posted to `target`.
  int post(const std::string& target, const std::string& body) {
    auto r = server_.request(post_request(target, "csrf=" + csrf_ + "&" + body, session_));
    EXPECT_TRUE(r);
    expect_nothing_planted(r.value_or(RawResponse{}).body);
    return r.value_or(RawResponse{}).status;
  }
  // `target` answers 200 (to the editor, or to the public) with nothing planted.
  void shown(const std::string& target, bool by_editor) {
    auto r = server_.get(target, by_editor ? session_ : "");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << target;
    expect_nothing_planted(r->body);
  }
  BdpServer& server() { return server_; }

 private:
  BdpServer server_;
  std::string session_;
  std::string csrf_;
};

// The catalogue's desk forms (a unit, its merge, a section, its removal, the branding): every
// payload typed into every field comes back escaped when refused, and when saved is escaped on
// the desk and the public pages that show it.
TEST_P(Hostile, EveryPayloadTypedIntoTheCatalogueFormsIsEscapedRefusedOrSaved) {
  TestDatabase db(GetParam());
  auto [code, out] = import(db, dataset(Json::array(), "Nazwa").dump());
  ASSERT_EQ(code, 0) << out;
  add_editor(db, "redaktor@bdp.pl", "Redaktor");
  HostileDesk desk(db);
  const Json c = corpus();
  int n = 0;
  for (const auto& p : c["markup"]) {
    const auto payload = p.get<std::string>();
    SCOPED_TRACE(payload);
    const std::string x = url_encode(payload);
    const std::string slug = "h-" + std::to_string(++n);
    // Refused: the payload in every field (no valid address, TERYT or number among them).
    std::string every;
    for (const char* field : {"nazwa", "slug", "typ", "miejscowosc", "powiat", "wojewodztwo",
                              "teryt", "ludnosc", "rok_ludnosci", "szerokosc", "dlugosc"}) {
      every += std::string(field) + "=" + x + "&";
    }
    EXPECT_EQ(desk.post("/redakcja/jednostki/1", every), 400);
    EXPECT_EQ(desk.post("/redakcja/jednostki/1/polacz", "do=" + x + "&powod=" + x), 400);
    EXPECT_EQ(desk.post("/redakcja/dzialy", "nazwa=" + x + "&slug=" + x + "&nadrzedny=" + x), 400);
    EXPECT_EQ(desk.post("/redakcja/dzialy/1/usun", "do=" + x + "&powod=" + x), 400);
    std::string branding = "naglowek=" + x + "&finansowanie=" + x;
    for (const char* part : {"nazwa", "adres", "logo"}) {
      branding += std::string("&partner_1_") + part + "=" + x;
    }
    EXPECT_EQ(desk.post("/redakcja/wyglad", branding), 400);
    // Saved where the text fields take it (a payload of several lines is refused: 400).
    const int unit = desk.post("/redakcja/jednostki/1", "nazwa=" + x + "&miejscowosc=" + x +
                                                            "&powiat=" + x + "&slug=" + slug);
    EXPECT_TRUE(unit == 303 || unit == 400) << unit;
    const int section = desk.post("/redakcja/dzialy/1", "nazwa=" + x + "&slug=" + slug);
    EXPECT_TRUE(section == 303 || section == 400) << section;
    const int brand = desk.post("/redakcja/wyglad",
                                "naglowek=" + x + "&finansowanie=" + x + "&partner_1_nazwa=" + x);
    EXPECT_TRUE(brand == 303 || brand == 400) << brand;
    desk.shown("/redakcja/jednostki/1", true);
    desk.shown("/redakcja/jednostki", true);
    desk.shown("/redakcja/dzialy", true);
    desk.shown("/redakcja/wyglad", true);
    if (unit == 303) desk.shown("/jednostki/" + slug, false);
    if (section == 303) {
      // The public tree is the change follower's: renamed within its interval.
      EXPECT_TRUE(within(std::chrono::seconds(1),
                         [&] { return desk.server().get("/dzialy/" + slug)->status == 200; }));
      desk.shown("/dzialy/" + slug, false);
    }
  }
  // The last saved branding on a public page, once the node followed it (its 200 ms).
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  desk.shown("/", false);
}

// The form of a published practice's text: every payload in every field, as a pending revision
// and as a fix of the published text, refused or saved, and escaped on the form, the review page
// and the public page.
TEST_P(Hostile, EveryPayloadTypedIntoAPracticesTextIsEscapedRefusedOrSaved) {
  TestDatabase db(GetParam());
  auto [code, out] = import(db, dataset(Json::array({practice_with(5, "Klub")}), "Nazwa").dump());
  ASSERT_EQ(code, 0) << out;
  add_editor(db, "redaktor@bdp.pl", "Redaktor");
  HostileDesk desk(db);
  const auto post = [&](const std::string& body) {
    return desk.post("/redakcja/praktyki/5/tresc", body);
  };
  const char* fields[] = {"title",
                          "summary",
                          "entered_on",
                          "implementing_body",
                          "postal_code",
                          "post_office",
                          "street",
                          "website",
                          "population",
                          "sections",
                          "contacts.0.name",
                          "contacts.0.position",
                          "contacts.0.phones",
                          "contacts.0.email",
                          "presentation.0.heading",
                          "presentation.0.body",
                          "attachments.0.title",
                          "attachments.0.url",
                          "provenance.note"};
  const Json c = corpus();
  int saves = 0;
  for (const auto& p : c["markup"]) {
    const auto payload = p.get<std::string>();
    SCOPED_TRACE(payload);
    const std::string x = url_encode(payload);
    std::string every = "powod=" + x;
    for (const char* field : fields) every += std::string("&") + field + "=" + x;
    EXPECT_EQ(post("cel=oczekujaca&" + every), 400) << "no valid date, postal code or number";
    std::string texts = "powod=" + x;
    for (const char* field : {"title", "summary", "street", "presentation.0.body"}) {
      texts += std::string("&") + field + "=" + x;
    }
    for (const char* target : {"oczekujaca", "opublikowana"}) {
      const int saved = post(std::string("cel=") + target + "&" + texts);
      EXPECT_TRUE(saved == 303 || saved == 400 || saved == 409) << target << " " << saved;
      if (saved == 303) ++saves;
    }
    desk.shown("/redakcja/praktyki/5/tresc", true);
    desk.shown("/redakcja/praktyki/5/tresc?cel=opublikowana", true);
    desk.shown("/redakcja/praktyki/5", true);
    desk.shown("/redakcja/praktyki/5/wersje", true);
  }
  EXPECT_GT(saves, static_cast<int>(c["markup"].size())) << "most payloads are saved";
  std::this_thread::sleep_for(std::chrono::milliseconds(400));  // the node follows the fixes
  auto permalink = desk.server().get("/praktyki/5");
  ASSERT_TRUE(permalink);
  desk.shown(permalink->header("location").value_or(""), false);
}

TEST_P(Hostile, TraversalInEveryPathStaysInsideTheSite) {
  TestDatabase db(GetParam());
  BdpServer server(db, {"--no-access-log"});
  const Json c = corpus();
  ASSERT_FALSE(c["paths"].empty());
  for (const auto& p : c["paths"]) {
    const auto path = p.get<std::string>();
    auto r = server.get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 400 || r->status == 404 || r->status == 301)
        << path << " " << r->status;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
}

TEST_P(Hostile, NulInvalidUtf8AndOversizedFieldsAreRefusedAndNothingIsWritten) {
  TestDatabase db(GetParam());
  struct Case {
    std::string why;
    std::string document;
    std::string message;
  };
  Json nul = dataset(Json::array({practice_with(7, std::string("a\0b", 3))}), "Gmina");
  Json big = dataset(Json::array({practice_with(7, std::string(5000, 'x'))}), "Gmina");
  std::string bad_utf8 = dataset(Json::array({practice_with(7, "PLACEHOLDER")}), "Gmina").dump();
  bad_utf8.replace(bad_utf8.find("PLACEHOLDER"), 11, "\xff\xfe");
  for (const Case& c : {Case{"NUL", nul.dump(), "NUL"}, Case{"oversized", big.dump(), "too long"},
                        Case{"invalid UTF-8", bad_utf8, "UTF-8"}}) {
    auto [code, out] = import(db, c.document);
    EXPECT_EQ(code, 1) << c.why << ": " << out;
    EXPECT_NE(out.find(c.message), std::string::npos) << c.why << ": " << out;
  }
  const auto exported = db.dir() / "out.json";
  auto [code, out] = run_bdp({"export", "--database", db.url(), "-o", exported.string()}, db.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_TRUE(Json::parse(read_file(exported))["practices"].empty());
}

}  // namespace
}  // namespace bdp::testing
