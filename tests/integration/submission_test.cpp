// The public submission end to end, on every engine: a visitor fills the steps (a refused field
// keeps what was typed), checks the answers, sends; the spam guard refuses a filled honeypot, a
// form sent too fast and too many from one address; the private link shows the state and the
// editors' comments and lets the submitter correct the practice when changes are requested.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <thread>

#include "editor_client.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

// A visitor's browser: keeps the draft cookie, reads the form's token from each page.
class Visitor {
 public:
  explicit Visitor(const BdpServer& server) : server_(server) {}

  RawResponse get(const std::string& target) {
    auto r = server_.get(target, cookie_header());
    EXPECT_TRUE(r.has_value());
    remember(r.value_or(RawResponse{}));
    return r.value_or(RawResponse{});
  }
  RawResponse post(const std::string& target, const std::string& body) {
    auto r = server_.request(post_request(target, "csrf=" + csrf_ + "&" + body, cookie_header()));
    EXPECT_TRUE(r.has_value());
    remember(r.value_or(RawResponse{}));
    return r.value_or(RawResponse{});
  }
  const std::string& draft() const { return draft_; }

 private:
  std::string cookie_header() const {
    return draft_.empty() ? "" : "Cookie: bdp_draft=" + draft_ + "\r\n";
  }
  void remember(const RawResponse& r) {
    for (const auto& [k, v] : r.headers) {
      if (k == "set-cookie" && v.starts_with("bdp_draft="))
        draft_ = set_cookie_value(r, "bdp_draft");
    }
    if (const auto token = csrf_field(r.body); !token.empty()) csrf_ = token;
  }
  const BdpServer& server_;
  std::string draft_;
  std::string csrf_;
};

std::string first_section(const std::string& html) {
  std::smatch m;
  static const std::regex box(R"re(name="dzialy" value="([0-9]+)")re");
  return std::regex_search(html, m, box) ? m[1].str() : "";
}

// Fills and saves every step with good values; the practice is titled `title`.
void fill_every_step(Visitor& v, const std::string& title) {
  v.get("/zglos-praktyke/jednostka");
  ASSERT_EQ(
      v.post("/zglos-praktyke/jednostka",
             "jednostka=" + form_encode("Gmina Baranów") + "&typ=" + form_encode("gmina wiejska") +
                 "&wojewodztwo=lubelskie&miejscowosc=" + form_encode("Baranów") +
                 "&kod=24-105&mieszkancy=4000")
          .status,
      303);
  v.get("/zglos-praktyke/kontakt");
  ASSERT_EQ(v.post("/zglos-praktyke/kontakt",
                   "osoba=" + form_encode("Jan Kowal") + "&email=" + form_encode("jan@baranow.pl") +
                       "&telefon=" + form_encode("81 123 45 67") + "&zgoda=tak")
                .status,
            303);
  const auto section = first_section(v.get("/zglos-praktyke/opis").body);
  ASSERT_FALSE(section.empty());
  ASSERT_EQ(v.post("/zglos-praktyke/opis", "tytul=" + form_encode(title) + "&skrot=" +
                                               form_encode("Krótki opis.") + "&dzialy=" + section)
                .status,
            303);
  v.get("/zglos-praktyke/prezentacja");
  auto last = v.post("/zglos-praktyke/prezentacja",
                     "m_sytuacja_przed=A&m_cele=B&m_wdrozenie=C&m_rezultaty=" +
                         form_encode("Wskaźnik wzrósł o 20%."));
  ASSERT_EQ(last.status, 303);
  EXPECT_EQ(last.header("location").value_or(""), "/zglos-praktyke/sprawdz");
}

std::string private_path(const std::string& html) {
  std::smatch m;
  static const std::regex link(R"re(href="http://[^"/]+(/zgloszenie/[A-Za-z0-9_-]{43})")re");
  return std::regex_search(html, m, link) ? m[1].str() : "";
}

class Submissions : public ::testing::TestWithParam<std::string> {
 protected:
  void start(int per_hour) {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "redaktor@bdp.pl", "Ewa Redaktor");
    const auto config = db->dir() / "limits.json";
    std::ofstream(config) << R"({"limits": {"submission_min_seconds": 2, "submissions_per_hour": )"
                          << per_hour << "}}";
    server = std::make_unique<BdpServer>(
        *db, std::vector<std::string>{"--no-access-log", "--config", config.string()});
  }
  void TearDown() override {
    server.reset();
    db.reset();
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};
INSTANTIATE_TEST_SUITE_P(Engines, Submissions, ::testing::ValuesIn(test_engines()));

TEST_P(Submissions, ARefusedStepKeepsWhatWasTypedAndNamesEachField) {
  start(5);
  Visitor v(*server);
  auto tasks = v.get("/zglos-praktyke");
  EXPECT_EQ(tasks.status, 200);
  EXPECT_TRUE(v.draft().empty()) << "no draft before the first step is saved";
  EXPECT_NE(tasks.body.find("nierozpoczęty"), std::string::npos);
  auto refused = v.post("/zglos-praktyke/jednostka",
                        "jednostka=" + form_encode("Gmina <Baranów>") +
                            "&typ=&wojewodztwo=lubelskie&miejscowosc=B&kod=24105");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("<title>Błąd: Jednostka i adres"), std::string::npos);
  EXPECT_NE(refused.body.find(R"(<li><a href="#typ">To pole jest wymagane.</a></li>)"),
            std::string::npos);
  EXPECT_NE(refused.body.find(R"(<a href="#kod">Podaj kod pocztowy w postaci NN-NNN)"),
            std::string::npos);
  EXPECT_NE(refused.body.find(R"(value="Gmina &lt;Baranów&gt;")"), std::string::npos);
  EXPECT_NE(refused.body.find(R"(id="kod" name="kod" type="text" value="24105")"),
            std::string::npos);
  EXPECT_NE(refused.body.find(R"(aria-invalid="true" aria-describedby="kod-hint kod-error")"),
            std::string::npos);
  EXPECT_FALSE(v.draft().empty()) << "what was typed is saved as a draft";
  // Back later: the step shows it again, and the task list says it is in progress.
  EXPECT_NE(v.get("/zglos-praktyke/jednostka").body.find(R"(value="24105")"), std::string::npos);
  EXPECT_NE(v.get("/zglos-praktyke").body.find("w toku"), std::string::npos);
}

TEST_P(Submissions, ASentPracticeIsFollowedAndCorrectedThroughItsPrivateLink) {
  start(5);
  Visitor v(*server);
  fill_every_step(v, "Budżet obywatelski w Baranowie");
  auto check = v.get("/zglos-praktyke/sprawdz");
  ASSERT_EQ(check.status, 200);
  EXPECT_NE(check.body.find("Wskaźnik wzrósł o 20%."), std::string::npos);
  EXPECT_NE(check.body.find(R"(href="/zglos-praktyke/kontakt#email")"), std::string::npos);
  // Sent at once after starting: a person takes longer.
  auto fast = v.post("/zglos-praktyke/wyslij", "");
  EXPECT_EQ(fast.status, 400);
  EXPECT_NE(fast.body.find("zbyt szybko"), std::string::npos);
  // A filled honeypot is refused, and the draft stays.
  EXPECT_EQ(v.post("/zglos-praktyke/wyslij", "strona_domowa=http%3A%2F%2Fspam").status, 400);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto sent = v.post("/zglos-praktyke/wyslij", "");
  ASSERT_EQ(sent.status, 200) << sent.body;
  const auto link = private_path(sent.body);
  ASSERT_FALSE(link.empty()) << sent.body;
  EXPECT_EQ(v.get("/zglos-praktyke/sprawdz").status, 303) << "the draft is gone";

  auto status = server->get(link);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->status, 200);
  EXPECT_EQ(status->header("referrer-policy"), "no-referrer");
  EXPECT_NE(status->body.find("<dd>Zgłoszone</dd>"), std::string::npos);
  EXPECT_EQ(server->get("/zgloszenie/" + std::string(43, 'A'))->status, 404);

  // The editors ask for changes.
  auto login = log_in(*server, "redaktor@bdp.pl");
  const auto editor = session_header(set_cookie_value(login, "bdp_session"));
  auto queue = server->get("/redakcja/kolejka?stan=submitted", editor);
  ASSERT_TRUE(queue);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(queue->body, m, std::regex(R"re(/redakcja/praktyki/([0-9]+))re")));
  const std::string review = "/redakcja/praktyki/" + m[1].str();
  const auto csrf = csrf_field(server->get(review, editor)->body);
  ASSERT_EQ(server
                ->request(post_request(review + "/przejscie",
                                       "csrf=" + csrf + "&akcja=start_review", editor))
                ->status,
            303);
  ASSERT_EQ(server
                ->request(post_request(review + "/przejscie",
                                       "csrf=" + csrf + "&akcja=request_changes&powod=" +
                                           form_encode("Proszę podać koszty."),
                                       editor))
                ->status,
            303);
  status = server->get(link);
  EXPECT_NE(status->body.find("<dd>Do poprawy</dd>"), std::string::npos);
  EXPECT_NE(status->body.find("Proszę podać koszty."), std::string::npos);
  ASSERT_NE(status->body.find(link + "/popraw"), std::string::npos);

  // The submitter corrects it from the link.
  Visitor again(*server);
  auto edit = again.post(link + "/popraw", "");
  ASSERT_EQ(edit.status, 303);
  EXPECT_NE(again.get("/zglos-praktyke").body.find("Poprawiasz wysłane zgłoszenie"),
            std::string::npos);
  const auto opis = again.get("/zglos-praktyke/opis");
  EXPECT_NE(opis.body.find(R"(value="Budżet obywatelski w Baranowie")"), std::string::npos);
  ASSERT_EQ(again
                .post("/zglos-praktyke/opis",
                      "tytul=" + form_encode("Budżet obywatelski z kosztami") +
                          "&skrot=Koszty%3A+10+tys.+z%C5%82&dzialy=" + first_section(opis.body))
                .status,
            303);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto resent = again.post("/zglos-praktyke/wyslij", "");
  ASSERT_EQ(resent.status, 200) << resent.body;
  EXPECT_NE(resent.body.find("Poprawione zgłoszenie wróciło do redakcji"), std::string::npos);
  status = server->get(link);
  EXPECT_NE(status->body.find("<dd>Zgłoszone</dd>"), std::string::npos);
  EXPECT_NE(status->body.find("Budżet obywatelski z kosztami"), std::string::npos);
  EXPECT_EQ(status->body.find("/popraw"), std::string::npos) << "no changes are asked now";
  auto log = server->get("/redakcja/dziennik?czynnosc=transition:resubmit", editor);
  EXPECT_NE(log->body.find("<td>public</td><td>transition:resubmit</td>"), std::string::npos);

  // The submitter was told by mail, each notice queued with its event.
  auto store = open_store(db->url());
  ASSERT_TRUE(store) << store.error().message;
  auto outbox = (*store)->outbox(std::nullopt, 100);
  ASSERT_TRUE(outbox) << outbox.error().message;
  ASSERT_EQ(outbox->size(), 2U);
  const auto& asked = (*outbox)[0];  // newest first
  const auto& received = (*outbox)[1];
  EXPECT_EQ(received.kind, "submission_received");
  EXPECT_EQ(received.to, "jan@baranow.pl");
  EXPECT_EQ(received.subject, "Przyjęliśmy zgłoszenie praktyki: Budżet obywatelski w Baranowie");
  EXPECT_NE(received.body.find(link), std::string::npos) << received.body;
  EXPECT_EQ(asked.kind, "changes_requested");
  EXPECT_NE(asked.body.find("Proszę podać koszty."), std::string::npos) << asked.body;
}

TEST_P(Submissions, OneAddressSendsAtMostTheConfiguredNumberAnHour) {
  start(1);
  Visitor first(*server);
  fill_every_step(first, "Pierwsza");
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  ASSERT_EQ(first.post("/zglos-praktyke/wyslij", "").status, 200);
  Visitor second(*server);
  fill_every_step(second, "Druga");
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto refused = second.post("/zglos-praktyke/wyslij", "");
  EXPECT_EQ(refused.status, 429);
  EXPECT_FALSE(refused.header("retry-after").value_or("").empty());
  EXPECT_NE(refused.body.find("Druga"), std::string::npos) << "the answers are kept";
}

}  // namespace
}  // namespace bdp::testing
