// End to end, on every engine: editors log in at /redakcja/logowanie with the account made by
// `bdp editor add`, see the dashboard, and log out; CSRF, throttling, hostile forms, no-store.
#include <gtest/gtest.h>

#include "editor_client.h"

namespace bdp::testing {
namespace {

class Editors : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "Anna.Kowalska@gmina.pl", "Anna Kowalska");
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
  }
  void TearDown() override {
    server.reset();
    db.reset();
  }
  std::optional<RawResponse> post(const std::string& target, const std::string& body,
                                  const std::string& headers = {}) {
    return server->request(post_request(target, body, headers));
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};
INSTANTIATE_TEST_SUITE_P(Engines, Editors, ::testing::ValuesIn(test_engines()));

TEST_P(Editors, TheLoginFormCarriesACsrfTokenBoundToACookieAndIsNeverStored) {
  auto r = server->get("/redakcja/logowanie");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("cache-control"), "no-store");
  const auto cookie = set_cookie_line(*r, "bdp_csrf");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  // Signed: 32 random bytes and their MAC, each base64url (43 characters), joined by a dot.
  EXPECT_EQ(set_cookie_value(*r, "bdp_csrf").size(), 87u);
  EXPECT_EQ(set_cookie_value(*r, "bdp_csrf")[43], '.');
  EXPECT_EQ(csrf_field(r->body), set_cookie_value(*r, "bdp_csrf"));
  EXPECT_NE(r->body.find("type=\"password\""), std::string::npos);
}

TEST_P(Editors, TheDashboardWithoutASessionSendsToTheLoginPage) {
  for (const std::string& cookie :
       std::vector<std::string>{"", "Cookie: bdp_session=forged\r\n",
                                "Cookie: bdp_session=" + std::string(43, 'A') + "\r\n"}) {
    auto r = server->get("/redakcja", cookie);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303) << cookie;
    EXPECT_EQ(r->header("location"), "/redakcja/logowanie");
    EXPECT_EQ(r->header("cache-control"), "no-store");
  }
}

TEST_P(Editors, AGoodPasswordOpensTheDashboardAndLogoutEndsTheSession) {
  auto login = log_in(*server, "anna.kowalska@GMINA.pl");
  ASSERT_EQ(login.status, 303) << login.body;
  EXPECT_EQ(login.header("location"), "/redakcja");
  const auto line = set_cookie_line(login, "bdp_session");
  for (const char* attribute : {"HttpOnly", "SameSite=Lax", "Path=/"}) {
    EXPECT_NE(line.find(attribute), std::string::npos) << line;
  }
  EXPECT_EQ(line.find("Secure"), std::string::npos) << "the test site is http";
  const auto session = set_cookie_value(login, "bdp_session");
  auto dashboard = server->get("/redakcja", session_header(session));
  ASSERT_TRUE(dashboard);
  ASSERT_EQ(dashboard->status, 200);
  EXPECT_EQ(dashboard->header("cache-control"), "no-store");
  EXPECT_NE(dashboard->body.find("Zalogowano jako <strong>Anna Kowalska</strong>"),
            std::string::npos);
  EXPECT_NE(dashboard->body.find("href=\"/praktyki/"), std::string::npos)
      << "the recent changes (the demo data) link to their pages";
  // Logged in, the login page sends to the dashboard.
  EXPECT_EQ(server->get("/redakcja/logowanie", session_header(session))->status, 303);

  auto out =
      post("/redakcja/wyloguj", "csrf=" + csrf_field(dashboard->body), session_header(session));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(out->header("location"), "/redakcja/logowanie");
  EXPECT_NE(set_cookie_line(*out, "bdp_session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(server->get("/redakcja", session_header(session))->status, 303)
      << "the old cookie opens nothing once logged out";
}

TEST_P(Editors, AWrongPasswordAnUnknownEmailAndADisabledEditorGetTheSameAnswer) {
  add_editor(*db, "zofia@gmina.pl", "Zofia Nowak");
  auto [code, out] = run_bdp(
      {"editor", "disable", "--database", db->url(), "--email", "zofia@gmina.pl"}, db->dir());
  ASSERT_EQ(code, 0) << out;
  std::vector<std::string> errors;
  for (const auto& [email, password] : std::vector<std::pair<std::string, std::string>>{
           {"anna.kowalska@gmina.pl", "nie-to-haslo-1"},
           {"nikt@gmina.pl", kEditorPassword},
           {"zofia@gmina.pl", kEditorPassword}}) {
    auto r = log_in(*server, email, password);
    EXPECT_EQ(r.status, 401) << email;
    EXPECT_EQ(r.header("cache-control"), "no-store");
    EXPECT_EQ(set_cookie_value(r, "bdp_session"), "");
    EXPECT_NE(r.body.find("value=\"" + email + "\""), std::string::npos) << "the e-mail is kept";
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.body, m, std::regex("role=\"alert\">([^<]*)<")));
    errors.push_back(m[1].str());
  }
  EXPECT_EQ(errors[0], "Nieprawidłowy e-mail lub hasło. Sprawdź je i spróbuj ponownie.");
  EXPECT_EQ(errors[1], errors[0]);
  EXPECT_EQ(errors[2], errors[0]);
}

TEST_P(Editors, AFormWithoutTheRightCsrfTokenIsForbidden) {
  const std::string body = "email=anna.kowalska%40gmina.pl&haslo=" + std::string(kEditorPassword);
  auto no_token = post("/redakcja/logowanie", body);
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 403);
  EXPECT_NE(no_token->body.find("Brak dostępu"), std::string::npos);
  auto no_cookie = post("/redakcja/logowanie", body + "&csrf=" + std::string(43, 'A'));
  EXPECT_EQ(no_cookie->status, 403);
  auto mismatch = post("/redakcja/logowanie", body + "&csrf=" + std::string(43, 'A'),
                       "Cookie: bdp_csrf=" + std::string(43, 'B') + "\r\n");
  EXPECT_EQ(mismatch->status, 403);

  const auto session = set_cookie_value(log_in(*server, "anna.kowalska@gmina.pl"), "bdp_session");
  ASSERT_FALSE(session.empty());
  EXPECT_EQ(post("/redakcja/wyloguj", "", session_header(session))->status, 403);
  EXPECT_EQ(
      post("/redakcja/wyloguj", "csrf=" + std::string(43, 'A'), session_header(session))->status,
      403);
  EXPECT_EQ(server->get("/redakcja", session_header(session))->status, 200)
      << "a forged logout does not end the session";
}

TEST_P(Editors, HostileFormsGetTheBadRequestPageNeverA500) {
  auto form = server->get("/redakcja/logowanie");
  const auto csrf = set_cookie_value(*form, "bdp_csrf");
  const std::string cookie = "Cookie: bdp_csrf=" + csrf + "\r\n";
  const std::string ok = "csrf=" + csrf + "&email=a%40b.pl&haslo=x";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"oversized", ok + "&pad=" + std::string(9000, 'a')},
      {"bad UTF-8", ok + "&x=%C4"},
      {"bad escape", ok + "&x=%zz"},
      {"no password", "csrf=" + csrf + "&email=a%40b.pl"},
      {"no e-mail", "csrf=" + csrf + "&haslo=x"},
  };
  for (const auto& [what, body] : cases) {
    auto r = post("/redakcja/logowanie", body, cookie);
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->status, 400) << what;
    EXPECT_NE(r->body.find("Nieprawidłowe żądanie"), std::string::npos) << what;
  }
  auto json =
      server->request(post_request("/redakcja/logowanie", "{}", cookie, "application/json"));
  EXPECT_EQ(json->status, 400);
  auto logout = post("/redakcja/wyloguj", "csrf=%ff%fe");
  EXPECT_EQ(logout->status, 400);
}

TEST_P(Editors, RepeatedFailuresAreThrottledEvenWithTheRightPasswordThen) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(log_in(*server, "anna.kowalska@gmina.pl", "zle-haslo-" + std::to_string(i)).status,
              401);
  }
  auto r = log_in(*server, "anna.kowalska@gmina.pl");
  EXPECT_EQ(r.status, 429);
  EXPECT_TRUE(r.header("retry-after").has_value());
  EXPECT_NE(r.body.find("Zbyt wiele nieudanych prób"), std::string::npos);
  EXPECT_EQ(set_cookie_value(r, "bdp_session"), "");
}

TEST_P(Editors, SessionCookiesAreSecureWhenTheSiteIsHttps) {
  const auto config = db->dir() / "https.json";
  std::ofstream(config) << R"({"base_url": "https://bdp.example.org"})";
  BdpServer https(*db, {"--no-access-log", "--config", config.string()});
  auto login = log_in(https, "anna.kowalska@gmina.pl");
  ASSERT_EQ(login.status, 303);
  EXPECT_NE(set_cookie_line(login, "bdp_session").find("; Secure"), std::string::npos);
}

}  // namespace
}  // namespace bdp::testing
