// The dispatcher over a real SQLite store and a fake transport: what it sends, retries and
// gives up on, and that a drain sends each mail once.
#include "mail/dispatcher.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <vector>

#include "../support/failing_store.h"
#include "store/sqlite/sqlite_store.h"

namespace bdp::mail {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

struct Sent {
  std::string from;
  std::string to;
  std::string message;
};

// Records what it is given; fails the recipients in `failures` with their error.
class FakeTransport final : public MailTransport {
 public:
  std::vector<Sent> sent;
  std::map<std::string, Error> failures;
  int calls = 0;

  Status send(const std::string& from, const std::string& to, std::string_view message) override {
    ++calls;
    if (auto f = failures.find(to); f != failures.end()) return std::unexpected(f->second);
    sent.push_back({from, to, std::string(message)});
    return {};
  }
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "bdp-mail-XXXXXX").string();
    ASSERT_TRUE(mkdtemp(pattern.data()));
    dir_ = pattern;
    auto opened = open_sqlite_store((dir_ / "bdp.db").string());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->migrate());
    settings_.smtp_url = "smtp://127.0.0.1:1";
    settings_.from = "bdp@zmp.poznan.pl";
    settings_.from_name = "Baza Dobrych Praktyk";
    settings_.batch = 2;
    settings_.retry = MailRetry{.max_attempts = 3, .first_delay_seconds = 10};
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::int64_t enqueue(const std::string& to) {
    OutgoingMail m;
    m.to = to;
    m.subject = "Przypomnienie: weryfikacja praktyki";
    m.body = "Prosimy o sprawdzenie danych.";
    m.kind = "verification_due";
    m.created_at = kNow;
    auto id = store_->enqueue_mail(m);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  DrainReport drain(std::int64_t at) {
    auto report = drain_outbox(*store_, transport_, settings_, [at] { return at; });
    EXPECT_TRUE(report) << report.error().message;
    return report.value_or(DrainReport{});
  }
  OutgoingMail stored(std::int64_t id) {
    auto listed = store_->outbox(std::nullopt, 100);
    EXPECT_TRUE(listed) << listed.error().message;
    for (const auto& m : listed.value_or(std::vector<OutgoingMail>{})) {
      if (m.id == id) return m;
    }
    ADD_FAILURE() << "no mail " << id;
    return {};
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  FakeTransport transport_;
  MailSettings settings_;
};

TEST_F(DispatcherTest, EveryDueMailIsSentOnceAndMarkedSent) {
  const auto a = enqueue("a@gmina.pl");
  const auto b = enqueue("b@gmina.pl");
  const auto c = enqueue("c@gmina.pl");
  const auto report = drain(kNow + 1);
  EXPECT_EQ(report.sent, 3);
  EXPECT_EQ(report.retried + report.dead, 0);
  ASSERT_EQ(transport_.sent.size(), 3u);  // two batches of at most 2
  EXPECT_EQ(transport_.sent[0].from, "bdp@zmp.poznan.pl");
  EXPECT_EQ(transport_.sent[0].to, "a@gmina.pl");
  EXPECT_NE(transport_.sent[0].message.find("\r\nTo: a@gmina.pl\r\n"), std::string::npos);
  EXPECT_NE(transport_.sent[0].message.find("\r\nMessage-ID: <bdp." + std::to_string(a) + "."),
            std::string::npos);
  for (const auto id : {a, b, c}) {
    EXPECT_EQ(stored(id).state, MailState::sent);
    EXPECT_EQ(stored(id).sent_at, kNow + 1);
  }
  EXPECT_EQ(drain(kNow + 1000).sent, 0);
  EXPECT_EQ(transport_.calls, 3);
}

TEST_F(DispatcherTest, AFailingServerIsRetriedWithBackoffUntilTheMailIsDead) {
  transport_.failures["a@gmina.pl"] = Error{ErrorKind::unavailable, "smtp: Connection refused"};
  const auto a = enqueue("a@gmina.pl");
  const auto b = enqueue("b@gmina.pl");
  auto first = drain(kNow);
  EXPECT_EQ(first.sent, 1);
  EXPECT_EQ(first.retried, 1);
  EXPECT_EQ(stored(b).state, MailState::sent);
  EXPECT_EQ(stored(a).state, MailState::queued);
  EXPECT_EQ(stored(a).next_attempt_at, kNow + 10);
  EXPECT_EQ(stored(a).last_error, "smtp: Connection refused");
  EXPECT_EQ(drain(kNow + 9).retried, 0);  // not due yet
  EXPECT_EQ(drain(kNow + 10).retried, 1);
  EXPECT_EQ(stored(a).next_attempt_at, kNow + 30);
  EXPECT_EQ(drain(kNow + 30).dead, 1);
  EXPECT_EQ(stored(a).state, MailState::dead);
  EXPECT_EQ(stored(a).attempts, 3);
  EXPECT_EQ(drain(kNow + 100'000).dead, 0);
  EXPECT_EQ(transport_.calls, 4);
}

TEST_F(DispatcherTest, AMailTheServerRefusesForGoodIsDeadAtOnce) {
  transport_.failures["a@gmina.pl"] = Error{ErrorKind::invalid_input, "smtp: 550 no such user"};
  const auto a = enqueue("a@gmina.pl");
  EXPECT_EQ(drain(kNow).dead, 1);
  EXPECT_EQ(stored(a).state, MailState::dead);
  EXPECT_EQ(stored(a).attempts, 1);
  EXPECT_EQ(stored(a).last_error, "smtp: 550 no such user");
}

TEST_F(DispatcherTest, ADrainStopsBeforeItsNextClaimWhenAskedTo) {
  for (int i = 0; i < 5; ++i) enqueue("m" + std::to_string(i) + "@gmina.pl");
  int asked = 0;
  auto report = drain_outbox(
      *store_, transport_, settings_, [] { return kNow; }, [&] { return ++asked > 1; });
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->sent, 2);  // one batch
  EXPECT_EQ(store_->outbox(MailState::queued, 10)->size(), 3u);
}

// Sent, but the database went away before it was marked: the mail stays claimed, and is sent
// again only when its lease has run out (as after a crash mid-send).
TEST_F(DispatcherTest, AMailNotMarkedSentIsSentAgainOnlyAfterItsLease) {
  const auto a = enqueue("a@gmina.pl");
  testing::FailingStore failing(*store_);
  int calls = 0;
  auto now = [&] {
    // The clock is read for the claim, the message, then the mark: fail from the mark on.
    if (++calls == 3) failing.fail_with(Error{ErrorKind::unavailable, "database gone"});
    return kNow;
  };
  auto report = drain_outbox(failing, transport_, settings_, now);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().message, "database gone");
  ASSERT_EQ(transport_.sent.size(), 1u);
  EXPECT_EQ(stored(a).state, MailState::sending);
  EXPECT_EQ(drain(kNow + settings_.lease_seconds() - 1).sent, 0);
  EXPECT_EQ(drain(kNow + settings_.lease_seconds()).sent, 1);
  EXPECT_EQ(stored(a).state, MailState::sent);
  EXPECT_EQ(stored(a).attempts, 2);
  EXPECT_EQ(transport_.sent.size(), 2u);
}

}  // namespace
}  // namespace bdp::mail
