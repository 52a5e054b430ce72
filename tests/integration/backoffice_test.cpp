// The back office end to end, on every engine: the permission table route by route and role by
// role, a practice taken from submission to publication (a reason required to request changes),
// the assignment, comments, the audit log and its CSV, the password change, CSRF, and the
// failed-login count shared by two nodes.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <thread>

#include "editor_client.h"

namespace bdp::testing {
namespace {

constexpr const char* kSubmitted = R"json({
  "format": "bdp", "version": 1,
  "sections": [{"id": 1, "parent_id": null, "slug": "uslugi", "name": "Usługi", "position": 0,
                "legacy_key": ""}],
  "units": [{"id": 7, "slug": "baranow-lubelskie", "name": "Baranów", "type": "gmina wiejska",
             "town": "Baranów", "county": "puławski", "voivodeship": "lubelskie", "teryt": "",
             "population": [], "latitude": null, "longitude": null}],
  "practices": [{"id": 900, "slug": "zgloszona", "title": "Zgłoszona praktyka z Baranowa",
                 "summary": "Skrót.", "entered_on": "", "unit_id": 7, "implementing_body": "",
                 "postal_code": "", "post_office": "", "street": "", "website": "",
                 "population": null, "contacts": [], "section_ids": [1], "presentation": [],
                 "attachments": [], "provenance": {"source": "", "programme": "", "note": ""},
                 "source_key": "", "status": "submitted", "updated_at": ""}]
})json";

struct Account {
  const char* role;
  const char* email;
};
constexpr Account kAccounts[] = {{"administrator", "admin@bdp.pl"},
                                 {"editor", "redaktor@bdp.pl"},
                                 {"reviewer", "recenzent@bdp.pl"},
                                 {"submitter", "urzednik@gmina.pl"}};

class BackOffice : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    for (const auto& a : kAccounts) add_editor(*db, a.email, a.role, kEditorPassword, a.role);
    const auto file = db->dir() / "submitted.json";
    std::ofstream(file) << kSubmitted;
    auto [code, out] = run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
    ASSERT_EQ(code, 0) << out;
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
  }
  void TearDown() override {
    server.reset();
    db.reset();
  }
  // The csrf field of the desk as `session` sees it.
  std::string csrf_of(const std::string& session) {
    auto desk = server->get("/redakcja", session);
    EXPECT_TRUE(desk && desk->status == 200);
    return desk ? csrf_field(desk->body) : "";
  }
  RawResponse post(const std::string& target, const std::string& body, const std::string& session) {
    auto r = server->request(post_request(target, body, session));
    EXPECT_TRUE(r.has_value());
    return r.value_or(RawResponse{});
  }
  RawResponse move(const std::string& session, const std::string& action,
                   const std::string& reason = "") {
    return post("/redakcja/praktyki/900/przejscie",
                "csrf=" + csrf_of(session) + "&akcja=" + action + "&powod=" + form_encode(reason),
                session);
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};
INSTANTIATE_TEST_SUITE_P(Engines, BackOffice, ::testing::ValuesIn(test_engines()));

// Every GET of the back office × every role (and the anonymous public): the status it gets.
TEST_P(BackOffice, EveryPageAnswersEachRoleAsThePermissionTableSays) {
  struct Row {
    const char* target;
    int anonymous, administrator, editor, reviewer, submitter;
  };
  const Row table[] = {
      {"/redakcja", 303, 200, 200, 200, 200},
      {"/redakcja/haslo", 303, 200, 200, 200, 200},
      {"/redakcja/kolejka", 303, 200, 200, 200, 403},
      {"/redakcja/kolejka?stan=in_review", 303, 200, 200, 200, 403},
      {"/redakcja/praktyki/900", 303, 200, 200, 200, 403},
      {"/redakcja/dziennik", 303, 200, 200, 403, 403},
      {"/redakcja/dziennik.csv", 303, 200, 200, 403, 403},
      {"/redakcja/linki", 303, 200, 200, 403, 403},
      {"/redakcja/linki?stan=niedzialajace", 303, 200, 200, 403, 403},
      {"/redakcja/zastosowania", 303, 200, 200, 403, 403},
      {"/redakcja/weryfikacja", 303, 200, 200, 403, 403},
      {"/redakcja/poczta", 303, 200, 200, 403, 403},
      {"/redakcja/poczta?stan=sent", 303, 200, 200, 403, 403},
      {"/redakcja/poczta?stan=zniszczona", 303, 404, 404, 403, 403},
      {"/redakcja/jednostki", 303, 200, 200, 403, 403},
      {"/redakcja/jednostki?q=baran", 303, 200, 200, 403, 403},
      {"/redakcja/jednostki/7", 303, 200, 200, 403, 403},
      {"/redakcja/jednostki/777", 303, 404, 404, 403, 403},
      {"/redakcja/dzialy", 303, 200, 200, 403, 403},
      {"/redakcja/dzialy/1", 303, 200, 200, 403, 403},
      {"/redakcja/dzialy/777", 303, 404, 404, 403, 403},
      {"/redakcja/wyglad", 303, 200, 200, 403, 403},
      {"/redakcja/praktyki/900/wersje", 303, 200, 200, 200, 403},
      {"/redakcja/praktyki/900/wersje/porownaj?od=0&do=1", 303, 200, 200, 200, 403},
      {"/redakcja/praktyki/900/wersje/porownaj?od=1&do=7", 303, 404, 404, 404, 403},
      {"/redakcja/praktyki/900/tresc", 303, 200, 200, 403, 403},
      {"/redakcja/praktyki/900/tresc?cel=opublikowana", 303, 200, 200, 403, 403},
      {"/redakcja/praktyki/777/tresc", 303, 404, 404, 403, 403},
  };
  std::map<std::string, std::string> sessions = {{"anonymous", ""}};
  for (const auto& a : kAccounts) sessions[a.role] = session_of(*server, a.email);
  for (const auto& row : table) {
    const std::pair<const char*, int> expected[] = {{"anonymous", row.anonymous},
                                                    {"administrator", row.administrator},
                                                    {"editor", row.editor},
                                                    {"reviewer", row.reviewer},
                                                    {"submitter", row.submitter}};
    for (const auto& [role, status] : expected) {
      auto r = server->get(row.target, sessions[role]);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, status) << row.target << " as " << role;
      EXPECT_EQ(r->header("cache-control"), "no-store") << row.target << " as " << role;
    }
  }
}

// Every POST of the review × every role, each with its own session's token.
TEST_P(BackOffice, EveryFormAnswersEachRoleAsThePermissionTableSays) {
  struct Row {
    const char* target;
    const char* body;
    int administrator, editor, reviewer, submitter;
  };
  const Row table[] = {
      {"/redakcja/praktyki/900/komentarz", "tresc=Uwaga&dla=redakcja", 303, 303, 303, 403},
      {"/redakcja/praktyki/900/przypisz", "osoba=ja&termin=2027-01-31", 303, 303, 403, 403},
      {"/redakcja/praktyki/900/przejscie", "akcja=start_review", 403, 403, 403, 403},
      // Submitted, not in review: no assessment yet (409) where the role may assess.
      {"/redakcja/praktyki/900/ocena",
       "k_innowacyjnosc=3&k_skutecznosc=3&k_efektywnosc=3&k_integracja=3&k_adekwatnosc=3&"
       "k_replikowalnosc=3&k_trwalosc=3&uzasadnienie=Dobra&pewnosc=high",
       409, 409, 409, 403},
      {"/redakcja/praktyki/900/konflikt", "powod=Ta+sama+gmina", 409, 409, 409, 403},
      // Nobody scored it: nothing to show on its page (409) where the role may disclose.
      {"/redakcja/praktyki/900/ocena/publiczna", "pokaz=tak", 409, 409, 403, 403},
      // Its only revision is the current content (409) where the role may restore.
      {"/redakcja/praktyki/900/wersje/przywroc", "wersja=1", 409, 409, 403, 403},
      // Submitted, not published: nothing to verify (409) where the role may verify.
      {"/redakcja/weryfikacja/900", "co=wszystko", 409, 409, 403, 403},
      // No such mail (404) where the role may send one again.
      {"/redakcja/poczta/77/ponow", "", 404, 404, 403, 403},
      // A refused form (400: no name, no such unit, no such direction, a section into itself)
      // where the role may edit.
      {"/redakcja/jednostki/7", "nazwa=", 400, 400, 403, 403},
      {"/redakcja/jednostki/7/polacz", "do=nie-ma&powod=x", 400, 400, 403, 403},
      {"/redakcja/dzialy", "nazwa=", 400, 400, 403, 403},
      {"/redakcja/dzialy/1", "nazwa=", 400, 400, 403, 403},
      {"/redakcja/dzialy/1/przesun", "kierunek=bok", 400, 400, 403, 403},
      {"/redakcja/dzialy/1/usun", "do=1&powod=x", 400, 400, 403, 403},
      {"/redakcja/wyglad", "partner_1_adres=javascript%3Aalert(1)", 400, 400, 403, 403},
      // A text without its title (400) where the role may edit; no pending revision to
      // publish or discard (409) where the role may.
      {"/redakcja/praktyki/900/tresc", "title=", 400, 400, 403, 403},
      {"/redakcja/praktyki/900/oczekujaca/opublikuj", "", 409, 409, 403, 403},
      {"/redakcja/praktyki/900/oczekujaca/odrzuc", "", 409, 409, 403, 403},
  };
  for (const auto& row : table) {
    const std::pair<const char*, int> expected[] = {{"reviewer", row.reviewer},
                                                    {"submitter", row.submitter},
                                                    {"editor", row.editor},
                                                    {"administrator", row.administrator}};
    for (const auto& [role, status] : expected) {
      if (std::string(row.target).ends_with("przejscie")) continue;  // below: it changes state
      const auto email = std::ranges::find(kAccounts, std::string(role), [](const Account& a) {
                           return std::string(a.role);
                         })->email;
      const auto session = session_of(*server, email);
      const auto csrf = status == 403 ? "x" : csrf_of(session);
      auto r = post(row.target, std::string("csrf=") + csrf + "&" + row.body, session);
      EXPECT_EQ(r.status, status) << row.target << " as " << role << ": " << r.body;
    }
  }
  // A transition: refused to the reviewer and the submitter, allowed to an editor.
  for (const char* email : {"recenzent@bdp.pl", "urzednik@gmina.pl"}) {
    EXPECT_EQ(move(session_of(*server, email), "start_review").status, 403) << email;
  }
  EXPECT_EQ(move(session_of(*server, "redaktor@bdp.pl"), "start_review").status, 303);
  // Anonymous: sent to log in, nothing changes.
  EXPECT_EQ(post("/redakcja/praktyki/900/komentarz", "csrf=x&tresc=a", "").status, 303);
}

TEST_P(BackOffice, AFormWithoutTheSessionsTokenIsRefusedAndChangesNothing) {
  const auto editor = session_of(*server, "redaktor@bdp.pl");
  EXPECT_EQ(post("/redakcja/praktyki/900/przejscie", "akcja=start_review", editor).status, 403);
  EXPECT_EQ(
      post("/redakcja/praktyki/900/przejscie",
           "csrf=" + csrf_of(session_of(*server, "admin@bdp.pl")) + "&akcja=start_review", editor)
          .status,
      403)
      << "another session's token";
  auto queue = server->get("/redakcja/kolejka?stan=submitted", editor);
  ASSERT_TRUE(queue);
  EXPECT_NE(queue->body.find("Zgłoszona praktyka z Baranowa"), std::string::npos);
}

TEST_P(BackOffice, APracticeGoesFromSubmissionToPublicationWithItsAuditTrail) {
  const auto editor = session_of(*server, "redaktor@bdp.pl");
  EXPECT_EQ(server->get("/praktyki/900")->status, 404) << "not public before publication";
  ASSERT_EQ(move(editor, "start_review").status, 303);
  // Publishing is not offered from a state it does not leave: a stale form gets 409.
  ASSERT_EQ(move(editor, "start_review").status, 409);
  // Requesting changes needs a reason: the page comes back with the message, state unchanged.
  auto no_reason = move(editor, "request_changes", "  ");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("Błąd: podaj uzasadnienie prośby o poprawki."), std::string::npos);
  ASSERT_EQ(move(editor, "request_changes", "Proszę dodać koszty <i>wdrożenia</i>.").status, 303);
  auto review = server->get("/redakcja/praktyki/900", editor);
  ASSERT_TRUE(review);
  EXPECT_NE(review->body.find("Do poprawy"), std::string::npos);
  EXPECT_NE(review->body.find("Proszę dodać koszty &lt;i&gt;wdrożenia&lt;/i&gt;."),
            std::string::npos)
      << "the reason is a comment to the submitter, escaped";
  EXPECT_EQ(server->get("/redakcja/kolejka?stan=changes_requested", editor)
                    ->body.find("Zgłoszona praktyka z Baranowa") != std::string::npos,
            true);
  ASSERT_EQ(move(editor, "resume_review").status, 303);
  ASSERT_EQ(post("/redakcja/praktyki/900/przypisz",
                 "csrf=" + csrf_of(editor) + "&osoba=&termin=2027-02-01&osoba=ja", editor)
                .status,
            303);
  auto queue = server->get("/redakcja/kolejka?stan=in_review", editor);
  ASSERT_TRUE(queue);
  EXPECT_NE(queue->body.find("<td>editor</td><td>2027-02-01</td>"), std::string::npos)
      << queue->body;
  ASSERT_EQ(move(editor, "publish").status, 303);
  auto page = server->get("/praktyki/900");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 301) << "the public permalink answers (with its slug)";
  EXPECT_EQ(server->get(page->header("location").value_or(""))->status, 200);

  auto csv = server->get("/redakcja/dziennik.csv?czynnosc=transition:", editor);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->header("content-type"), "text/csv; charset=utf-8");
  for (const char* action : {"transition:publish", "transition:resume_review",
                             "transition:request_changes", "transition:start_review"}) {
    const auto at = csv->body.find(std::string(",") + action + ",practice:900,");
    EXPECT_NE(at, std::string::npos) << action << "\n" << csv->body;
  }
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 5) << "a header and four rows";
  auto log = server->get("/redakcja/dziennik?obiekt=practice:900", editor);
  ASSERT_TRUE(log);
  EXPECT_NE(log->body.find("<td>assign</td>"), std::string::npos);

  // Archived, the page stays at its address with a notice; restored, the notice goes.
  const std::string permalink = page->header("location").value_or("");
  // The cached page is replaced once the node follows the change log: wait for it a while.
  const auto shows_notice = [&](bool wanted) {
    for (int i = 0; i < 100; ++i) {
      auto r = server->get(permalink);
      if (r && r->status == 200 &&
          (r->body.find("Ta praktyka jest w archiwum") != std::string::npos) == wanted) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  ASSERT_EQ(move(editor, "archive").status, 303);
  EXPECT_TRUE(shows_notice(true)) << "the archived page stays, with its notice";
  ASSERT_EQ(move(editor, "unarchive").status, 303);
  EXPECT_TRUE(shows_notice(false)) << "restored, the notice goes";
}

// A save that changes the content (here an import of a changed record) is a new revision; two
// are compared word by word; restoring the old one is a third revision with the old content, the
// reason and the audit entry; a published practice's restored revision is its pending one, and
// an archived practice is not restored over.
TEST_P(BackOffice, RevisionsAreComparedAndAnOldOneIsRestoredAsANewRevision) {
  std::string changed = kSubmitted;
  const std::string summary = "\"Skrót.\"";
  changed.replace(changed.find(summary), summary.size(), "\"Nowy skrót <b>praktyki</b>.\"");
  const auto file = db->dir() / "changed.json";
  std::ofstream(file) << changed;
  auto [code, out] = run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
  ASSERT_EQ(code, 0) << out;
  const auto editor = session_of(*server, "redaktor@bdp.pl");

  auto list = server->get("/redakcja/praktyki/900/wersje", editor);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("<th scope=\"row\">2</th>"), std::string::npos) << list->body;
  EXPECT_NE(list->body.find("<td>system</td>"), std::string::npos);
  auto diff = server->get("/redakcja/praktyki/900/wersje/porownaj?od=1&do=2", editor);
  ASSERT_TRUE(diff);
  ASSERT_EQ(diff->status, 200);
  EXPECT_NE(diff->body.find("<h2>Skrót</h2>"), std::string::npos) << diff->body;
  EXPECT_NE(diff->body.find("<del><span class=\"visually-hidden\">[usunięto: </span>Skrót.<span "
                            "class=\"visually-hidden\">]</span></del><ins><span "
                            "class=\"visually-hidden\">[dodano: </span>Nowy skrót "
                            "&lt;b&gt;praktyki&lt;/b&gt;.<span class=\"visually-hidden\">]</span>"
                            "</ins>"),
            std::string::npos)
      << "the change, escaped, its meaning in words";
  EXPECT_EQ(diff->body.find("<h2>Tytuł</h2>"), std::string::npos) << "only changed fields";

  auto restored =
      post("/redakcja/praktyki/900/wersje/przywroc",
           "csrf=" + csrf_of(editor) + "&wersja=1&powod=" + form_encode("Zły skrót"), editor);
  ASSERT_EQ(restored.status, 303) << restored.body;
  EXPECT_EQ(restored.header("location"), "/redakcja/praktyki/900/wersje");
  list = server->get("/redakcja/praktyki/900/wersje", editor);
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find("<th scope=\"row\">3 <span class=\"rev-same\">(ta sama treść co "
                            "wersja 1)</span></th>"),
            std::string::npos)
      << list->body;
  EXPECT_NE(list->body.find("<td>redaktor@bdp.pl</td><td><span>Zły skrót</span></td>"),
            std::string::npos);
  auto review = server->get("/redakcja/praktyki/900", editor);
  ASSERT_TRUE(review);
  EXPECT_NE(review->body.find("<div class=\"review-summary\">Skrót.</div>"), std::string::npos);
  EXPECT_EQ(review->body.find("Nowy skrót"), std::string::npos);
  auto log = server->get("/redakcja/dziennik.csv?czynnosc=restore", editor);
  ASSERT_TRUE(log);
  EXPECT_NE(log->body.find(",restore,practice:900,revision 1: Zły skrót\r\n"), std::string::npos)
      << log->body;

  ASSERT_EQ(move(editor, "start_review").status, 303);
  ASSERT_EQ(move(editor, "publish").status, 303);
  // Published, a restored revision becomes the pending one: the public page keeps its text.
  auto pending = post("/redakcja/praktyki/900/wersje/przywroc",
                      "csrf=" + csrf_of(editor) + "&wersja=2", editor);
  EXPECT_EQ(pending.status, 303) << pending.body;
  auto with_pending = server->get("/redakcja/praktyki/900/wersje", editor);
  ASSERT_TRUE(with_pending);
  EXPECT_NE(with_pending->body.find("<th scope=\"row\">4 <span class=\"rev-same\">(ta sama treść "
                                    "co wersja 2)</span> <span class=\"rev-same\">(wersja "
                                    "oczekująca)</span></th>"),
            std::string::npos)
      << with_pending->body;
  auto pending_review = server->get("/redakcja/praktyki/900", editor);
  ASSERT_TRUE(pending_review);
  EXPECT_NE(pending_review->body.find("<a href=\"/redakcja/praktyki/900/wersje/porownaj?od=3&amp;"
                                      "do=4\">"),
            std::string::npos)
      << pending_review->body;
  auto permalink = server->get("/praktyki/900");
  ASSERT_TRUE(permalink);
  auto public_page = server->get(permalink->header("location").value_or(""));
  ASSERT_TRUE(public_page);
  EXPECT_EQ(public_page->status, 200);
  EXPECT_EQ(public_page->body.find("Nowy skrót"), std::string::npos) << "the published text";
  // Archived, nothing is restored over it.
  ASSERT_EQ(move(editor, "archive").status, 303);
  auto refused = post("/redakcja/praktyki/900/wersje/przywroc",
                      "csrf=" + csrf_of(editor) + "&wersja=1", editor);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("najpierw przywróć jej publikację"), std::string::npos);
  auto unchanged = server->get("/redakcja/praktyki/900/wersje", editor);
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->body.find("<th scope=\"row\">5"), std::string::npos) << "no new revision";
}

TEST_P(BackOffice, EditorsKeepTheLinksWithTheirAuditTrailAndThePublicPageFollows) {
  const auto editor = session_of(*server, "redaktor@bdp.pl");
  const auto public_page_has = [&](const std::string& text, bool wanted) {
    for (int i = 0; i < 100; ++i) {  // the cached page goes once the node follows the change
      auto r = server->get("/inne-bazy");
      if (r && r->status == 200 && (r->body.find(text) != std::string::npos) == wanted) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  EXPECT_TRUE(public_page_has("Nie dodano jeszcze żadnych odnośników.", true));
  auto refused = post("/redakcja/linki",
                      "csrf=" + csrf_of(editor) + "&nazwa=Zła&adres=javascript%3Aalert(1)", editor);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("Błąd: adres musi być pełnym adresem http:// albo https://"),
            std::string::npos);
  EXPECT_NE(refused.body.find(R"x(value="javascript:alert(1)")x"), std::string::npos)
      << "what was typed comes back";
  EXPECT_EQ(
      post("/redakcja/linki", "csrf=x&nazwa=Baza&adres=https%3A%2F%2Fwww.zpp.pl%2F", editor).status,
      403)
      << "a form without the session's token";
  ASSERT_EQ(post("/redakcja/linki",
                 "csrf=" + csrf_of(editor) +
                     "&nazwa=Zwi%C4%85zek+Powiat%C3%B3w+Polskich&adres=https%3A%2F%2Fwww.zpp.pl%2F"
                     "&jezyk=PL&kategoria=Polskie&pozycja=3",
                 editor)
                .status,
            303);
  EXPECT_TRUE(public_page_has(R"(<a href="https://www.zpp.pl/" hreflang="pl")", true));
  auto desk = server->get("/redakcja/linki", editor);
  ASSERT_TRUE(desk);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(desk->body, m, std::regex(R"(/redakcja/linki/([0-9]+)/usun)")))
      << desk->body;
  const std::string id = m[1].str();
  EXPECT_EQ(server->get("/redakcja/linki/" + id, editor)->status, 200);
  EXPECT_EQ(post("/redakcja/linki/" + id,
                 "csrf=" + csrf_of(editor) + "&nazwa=ZPP&adres=https%3A%2F%2Fwww.zpp.pl%2F", editor)
                .status,
            303);
  EXPECT_TRUE(public_page_has(">ZPP</a>", true));
  EXPECT_EQ(post("/redakcja/linki/" + id + "/usun", "csrf=" + csrf_of(editor), editor).status, 303);
  EXPECT_TRUE(public_page_has("https://www.zpp.pl/", false));
  EXPECT_EQ(post("/redakcja/linki/" + id + "/usun", "csrf=" + csrf_of(editor), editor).status, 404);
  auto csv = server->get("/redakcja/dziennik.csv?czynnosc=link:", editor);
  ASSERT_TRUE(csv);
  for (const char* action : {"link:create", "link:update", "link:delete"}) {
    EXPECT_NE(csv->body.find(std::string(",") + action + ",link:" + id + ","), std::string::npos)
        << action << "\n"
        << csv->body;
  }
  const auto reviewer = session_of(*server, "recenzent@bdp.pl");
  EXPECT_EQ(post("/redakcja/linki",
                 "csrf=" + csrf_of(reviewer) + "&nazwa=A&adres=http%3A%2F%2Fa.pl", reviewer)
                .status,
            403);
}

TEST_P(BackOffice, ABadDueDateIsRefusedWithItsMessage) {
  const auto editor = session_of(*server, "redaktor@bdp.pl");
  auto r = post("/redakcja/praktyki/900/przypisz",
                "csrf=" + csrf_of(editor) + "&osoba=ja&termin=jutro", editor);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Błąd: termin musi być datą RRRR-MM-DD."), std::string::npos);
}

TEST_P(BackOffice, APasswordChangeChecksTheOldOneAndEndsOtherSessions) {
  const auto here = session_of(*server, "recenzent@bdp.pl");
  const auto elsewhere = session_of(*server, "recenzent@bdp.pl");
  const std::string fresh = "nowe-haslo-do-bazy-2027";
  auto wrong = post(
      "/redakcja/haslo",
      "csrf=" + csrf_of(here) + "&obecne=zle-haslo-123&nowe=" + fresh + "&powtorz=" + fresh, here);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("Błąd: obecne hasło jest nieprawidłowe."), std::string::npos);
  auto differ = post("/redakcja/haslo",
                     "csrf=" + csrf_of(here) + "&obecne=" + kEditorPassword + "&nowe=" + fresh +
                         "&powtorz=inne-haslo-bazy",
                     here);
  EXPECT_EQ(differ.status, 400);
  auto done = post("/redakcja/haslo",
                   "csrf=" + csrf_of(here) + "&obecne=" + kEditorPassword + "&nowe=" + fresh +
                       "&powtorz=" + fresh,
                   here);
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(server->get("/redakcja", here)->status, 200) << "this session stays";
  EXPECT_EQ(server->get("/redakcja", elsewhere)->status, 303) << "the other one ended";
  EXPECT_EQ(log_in(*server, "recenzent@bdp.pl").status, 401);
  EXPECT_EQ(log_in(*server, "recenzent@bdp.pl", fresh).status, 303);
}

TEST_P(BackOffice, FailedLoginsAreCountedAcrossNodes) {
  BdpServer other(*db, {"--no-access-log"});
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(log_in(*server, "redaktor@bdp.pl", "zle-haslo").status, 401);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(log_in(other, "redaktor@bdp.pl", "zle-haslo").status, 401);
  // Five failures in all: both nodes now refuse even the right password for a while.
  auto blocked = log_in(*server, "redaktor@bdp.pl");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_FALSE(blocked.header("retry-after").value_or("").empty());
  EXPECT_EQ(log_in(other, "redaktor@bdp.pl").status, 429);
}

TEST_P(BackOffice, RolesChangeFromTheCommandLineAndAreAudited) {
  auto [code, out] = run_bdp({"editor", "role", "--database", db->url(), "--email",
                              "urzednik@gmina.pl", "--role", "reviewer"},
                             db->dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(server->get("/redakcja/kolejka", session_of(*server, "urzednik@gmina.pl"))->status,
            200);
  auto [bad, message] = run_bdp(
      {"editor", "role", "--database", db->url(), "--email", "urzednik@gmina.pl", "--role", "boss"},
      db->dir());
  EXPECT_NE(bad, 0);
  auto log = server->get("/redakcja/dziennik?czynnosc=role", session_of(*server, "admin@bdp.pl"));
  ASSERT_TRUE(log);
  EXPECT_NE(log->body.find("<td>cli</td><td>role</td>"), std::string::npos) << log->body;
  auto [list_code, list] = run_bdp({"editor", "list", "--database", db->url()}, db->dir());
  EXPECT_NE(list.find("urzednik@gmina.pl\tsubmitter\treviewer\tactive"), std::string::npos) << list;
}

}  // namespace
}  // namespace bdp::testing
