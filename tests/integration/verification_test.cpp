// Verification of data end to end, on every engine: a long-unverified practice warns on its page
// and is listed for editors (not reviewers); `bdp remind-verification` queues one reminder per
// practice (a second run none), to the practice's contact; the mail's link shows a button (GET
// changes nothing), confirms with no login (POST) and works once; an editor's one-click button
// sets only what it names; everything audited.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "editor_client.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

// Two published practices last changed in 2020 (long overdue at 12 months), one with a
// contact's address.
constexpr const char* kPublished = R"json({
  "format": "bdp", "version": 1,
  "sections": [{"id": 1, "parent_id": null, "slug": "uslugi", "name": "Usługi", "position": 0,
                "legacy_key": ""}],
  "units": [{"id": 7, "slug": "baranow-lubelskie", "name": "Baranów", "type": "gmina wiejska",
             "town": "Baranów", "county": "puławski", "voivodeship": "lubelskie", "teryt": "",
             "population": [], "latitude": null, "longitude": null}],
  "practices": [
    {"id": 900, "slug": "stara", "title": "Stara praktyka z Baranowa",
     "summary": "Skrót.", "entered_on": "2019-05-01", "unit_id": 7, "implementing_body": "",
     "postal_code": "", "post_office": "", "street": "", "website": "", "population": null,
     "contacts": [{"name": "Anna Nowak", "position": "", "phones": [],
                   "email": "anna.nowak@baranow.pl"}],
     "section_ids": [1], "presentation": [], "attachments": [],
     "provenance": {"source": "", "programme": "", "note": ""}, "source_key": "",
     "status": "published", "updated_at": "2020-01-01T00:00:00Z"},
    {"id": 901, "slug": "bez-adresu", "title": "Praktyka bez adresu",
     "summary": "Skrót.", "entered_on": "2019-05-01", "unit_id": 7, "implementing_body": "",
     "postal_code": "", "post_office": "", "street": "", "website": "", "population": null,
     "contacts": [], "section_ids": [1], "presentation": [], "attachments": [],
     "provenance": {"source": "", "programme": "", "note": ""}, "source_key": "",
     "status": "published", "updated_at": "2020-01-01T00:00:00Z"}]
})json";

class VerificationFlow : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "redaktor@bdp.pl", "Redaktor", kEditorPassword, "editor");
    add_editor(*db, "recenzent@bdp.pl", "Recenzent", kEditorPassword, "reviewer");
    const auto file = db->dir() / "published.json";
    std::ofstream(file) << kPublished;
    auto [code, out] = run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
    ASSERT_EQ(code, 0) << out;
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
    auto opened = open_store(db->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
  }
  void TearDown() override {
    server.reset();
    store.reset();
    db.reset();
  }
  RawResponse post(const std::string& target, const std::string& body,
                   const std::string& session = {}) {
    auto r = server->request(post_request(target, body, session));
    EXPECT_TRUE(r.has_value());
    return r.value_or(RawResponse{});
  }
  std::string csrf_of(const std::string& session) {
    auto desk = server->get("/redakcja", session);
    return desk ? csrf_field(desk->body) : "";
  }
  std::pair<int, std::string> remind() {
    return run_bdp({"remind-verification", "--database", db->url(), "--config",
                    std::string(BDP_SOURCE_DIR) + "/config/bdp.json"},
                   db->dir());
  }
  std::vector<OutgoingMail> reminders() {
    auto mails = store->outbox(std::nullopt, 100);
    EXPECT_TRUE(mails) << mails.error().message;
    std::vector<OutgoingMail> out;
    for (auto& m : mails.value_or(std::vector<OutgoingMail>{})) {
      if (m.kind == "verification_due") out.push_back(std::move(m));
    }
    return out;
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
  std::unique_ptr<Store> store;
};
INSTANTIATE_TEST_SUITE_P(Engines, VerificationFlow, ::testing::ValuesIn(test_engines()));

TEST_P(VerificationFlow, ALongUnverifiedPracticeWarnsAndIsListedForEditorsOnly) {
  auto page = server->get("/praktyki/900-stara");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("class=\"notice stale-notice\">Dane tej praktyki dawno nie były "
                            "potwierdzane"),
            std::string::npos);
  EXPECT_EQ(page->body.find("Dane zweryfikowano"), std::string::npos) << "never verified";
  const auto editor = session_of(*server, "redaktor@bdp.pl");
  auto list = server->get("/redakcja/weryfikacja", editor);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(list->header("cache-control"), "no-store");
  EXPECT_NE(list->body.find("Do weryfikacji: 2"), std::string::npos);
  EXPECT_NE(list->body.find("<a href=\"/praktyki/900\">Stara praktyka z Baranowa</a>"),
            std::string::npos);
  EXPECT_NE(list->body.find("dawno po terminie"), std::string::npos);
  EXPECT_EQ(server->get("/redakcja/weryfikacja", session_of(*server, "recenzent@bdp.pl"))->status,
            403);
  EXPECT_EQ(server->get("/redakcja/weryfikacja")->status, 303) << "to the login";
}

TEST_P(VerificationFlow, AReminderLinkConfirmsTheDataOnceWithNoLogin) {
  auto [code, out] = remind();
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("due 2: reminded 1, reminded recently 0, without an address 1"),
            std::string::npos)
      << out;
  auto again = remind();
  EXPECT_NE(again.second.find("due 2: reminded 0, reminded recently 1, without an address 1"),
            std::string::npos)
      << again.second;
  const auto mails = reminders();
  ASSERT_EQ(mails.size(), 1U) << "one reminder per practice";
  EXPECT_EQ(mails[0].to, "anna.nowak@baranow.pl");
  EXPECT_EQ(mails[0].subject, "Czy dane praktyki są aktualne? Stara praktyka z Baranowa");
  std::smatch link;
  ASSERT_TRUE(std::regex_search(mails[0].body, link, std::regex("/potwierdz/([A-Za-z0-9_-]{43})")))
      << mails[0].body;
  const std::string path = link[0];

  auto shown = server->get(path);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->status, 200);
  EXPECT_EQ(shown->header("referrer-policy"), "no-referrer");
  EXPECT_NE(shown->body.find("<form method=\"post\" action=\"" + path + "\">"), std::string::npos);
  EXPECT_EQ(store->verification(900)->content_verified_at, 0) << "a GET confirms nothing";

  auto confirmed = post(path, "");
  EXPECT_EQ(confirmed.status, 200);
  EXPECT_NE(confirmed.body.find("Dziękujemy: zapisaliśmy, że dane praktyki są aktualne."),
            std::string::npos);
  const auto v = store->verification(900);
  ASSERT_TRUE(v);
  EXPECT_GT(v->content_verified_at, 0);
  EXPECT_EQ(v->contacts_verified_at, v->content_verified_at);
  EXPECT_EQ(v->confirm_token_hash, "");
  EXPECT_EQ(post(path, "").status, 404) << "a link confirms once";
  EXPECT_EQ(server->get("/potwierdz/nie-ma-takiego")->status, 404);

  auto page = server->get("/praktyki/900-stara");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body.find("stale-notice"), std::string::npos) << "the cached page was dropped";
  EXPECT_NE(page->body.find("<dt>Dane zweryfikowano:</dt>"), std::string::npos);
  auto audit = store->audit_log("verify:", "practice:900", 0, 10);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 2U);
  EXPECT_EQ((*audit)[0].action, "verify:confirm");
  EXPECT_EQ((*audit)[0].actor, "public");
  EXPECT_EQ((*audit)[1].action, "verify:remind");
}

TEST_P(VerificationFlow, AnEditorsButtonSetsOnlyWhatItNames) {
  const auto editor = session_of(*server, "redaktor@bdp.pl");
  auto marked = post("/redakcja/weryfikacja/901", "csrf=" + csrf_of(editor) + "&co=tresc", editor);
  EXPECT_EQ(marked.status, 303);
  EXPECT_EQ(marked.header("location"), "/redakcja/weryfikacja?zweryfikowano=901#praktyka-901");
  auto v = store->verification(901);
  ASSERT_TRUE(v);
  EXPECT_GT(v->content_verified_at, 0);
  EXPECT_EQ(v->contacts_verified_at, 0);
  // Still due: its contacts were never confirmed.
  auto list = server->get("/redakcja/weryfikacja?zweryfikowano=901", editor);
  EXPECT_NE(list->body.find("Zapisano: dane praktyki zweryfikowano dziś."), std::string::npos);
  EXPECT_NE(list->body.find("id=\"praktyka-901\" class=\"just-verified\""), std::string::npos);
  ASSERT_EQ(
      post("/redakcja/weryfikacja/901", "csrf=" + csrf_of(editor) + "&co=kontakty", editor).status,
      303);
  list = server->get("/redakcja/weryfikacja", editor);
  EXPECT_EQ(list->body.find("Praktyka bez adresu"), std::string::npos) << "verified: not due";
  EXPECT_NE(list->body.find("Do weryfikacji: 1"), std::string::npos);
  EXPECT_EQ(
      post("/redakcja/weryfikacja/901", "csrf=" + csrf_of(editor) + "&co=wszystko<", editor).status,
      400);
  EXPECT_EQ(post("/redakcja/weryfikacja/901", "co=wszystko", editor).status, 403) << "no token";
  const auto reviewer = session_of(*server, "recenzent@bdp.pl");
  EXPECT_EQ(
      post("/redakcja/weryfikacja/900", "csrf=" + csrf_of(reviewer) + "&co=wszystko", reviewer)
          .status,
      403);
  auto audit = store->audit_log("verify", "practice:901", 0, 10);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 2U);
  EXPECT_EQ((*audit)[0].detail, "kontakty");
  EXPECT_EQ((*audit)[1].detail, "tresc");
  EXPECT_EQ((*audit)[1].actor, "redaktor@bdp.pl");
}

}  // namespace
}  // namespace bdp::testing
