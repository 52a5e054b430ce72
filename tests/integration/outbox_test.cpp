// The mail outbox in the back office, on every engine: a dead letter is listed with its last
// error and never its body (it carries private links), escaped; "send again" queues it with its
// attempts anew, audited; other states are listed apart.
#include <gtest/gtest.h>

#include "editor_client.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kCreated = 1'800'000'000;

class OutboxPage : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "redaktor@bdp.pl", "Redaktor", kEditorPassword, "editor");
    auto opened = open_store(db->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
    ASSERT_TRUE(store->migrate());
    OutgoingMail m;
    m.to = "anna@gmina.pl";
    m.subject = "Przyjęliśmy zgłoszenie <b>praktyki</b>";
    m.body = "Prywatny adres: /zgloszenie/SEKRETNY-TOKEN";
    m.kind = "submission_received";
    m.created_at = kCreated;
    auto id = store->enqueue_mail(m);
    ASSERT_TRUE(id) << id.error().message;
    mail = *id;
    ASSERT_EQ(store->claim_mail(kCreated, 60, 10)->size(), 1U);
    ASSERT_TRUE(
        store->mail_failed(mail, kCreated, "550 <no such user>", MailRetry{.max_attempts = 1}));
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
    session = session_of(*server, "redaktor@bdp.pl");
  }
  void TearDown() override {
    server.reset();
    store.reset();
    db.reset();
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<Store> store;
  std::unique_ptr<BdpServer> server;
  std::string session;
  std::int64_t mail = 0;
};
INSTANTIATE_TEST_SUITE_P(Engines, OutboxPage, ::testing::ValuesIn(test_engines()));

TEST_P(OutboxPage, ADeadLetterIsListedWithoutItsBodyAndSentAgain) {
  auto page = server->get("/redakcja/poczta", session);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<td>anna@gmina.pl</td>"), std::string::npos);
  EXPECT_NE(page->body.find("Przyjęliśmy zgłoszenie &lt;b&gt;praktyki&lt;/b&gt;"),
            std::string::npos);
  EXPECT_NE(page->body.find("550 &lt;no such user&gt;"), std::string::npos);
  EXPECT_EQ(page->body.find("SEKRETNY-TOKEN"), std::string::npos) << "no body, no private link";
  const std::string action = "/redakcja/poczta/" + std::to_string(mail) + "/ponow";
  EXPECT_NE(page->body.find("action=\"" + action + "\""), std::string::npos);

  auto sent = server->request(post_request(action, "csrf=" + csrf_field(page->body), session));
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->status, 303);
  EXPECT_EQ(sent->header("location"), "/redakcja/poczta?stan=dead&ponowiono=1");
  auto queued = store->outbox(MailState::queued, 10);
  ASSERT_TRUE(queued);
  ASSERT_EQ(queued->size(), 1U);
  EXPECT_EQ(queued->front().attempts, 0);
  auto again = server->request(post_request(action, "csrf=" + csrf_field(page->body), session));
  EXPECT_EQ(again->status, 409) << "no longer dead";
  auto audit = store->audit_log("mail:", "", 0, 10);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1U);
  EXPECT_EQ(audit->front().entity, "mail:" + std::to_string(mail));
  EXPECT_EQ(audit->front().actor, "redaktor@bdp.pl");

  auto dead = server->get("/redakcja/poczta?stan=dead&ponowiono=1", session);
  EXPECT_NE(dead->body.find("Wiadomość wróciła do kolejki"), std::string::npos);
  EXPECT_NE(dead->body.find("Brak wiadomości w tym stanie."), std::string::npos);
  auto listed = server->get("/redakcja/poczta?stan=queued", session);
  EXPECT_NE(listed->body.find("<td>anna@gmina.pl</td>"), std::string::npos);
  EXPECT_EQ(listed->body.find("/ponow"), std::string::npos) << "only a dead letter is sent again";
}

}  // namespace
}  // namespace bdp::testing
