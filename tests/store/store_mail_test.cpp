// The mail outbox, on every engine: mails queued with the event that causes them, claimed by
// one claimer at a time (also across nodes), leases that run out, backoff and dead letters.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

OutgoingMail mail_to(std::string to, std::int64_t created_at = kNow) {
  OutgoingMail m;
  m.to = std::move(to);
  m.subject = "Zgłoszenie przyjęte: Centrum Aktywności Lokalnej";
  m.body = "Dzień dobry,\nzgłoszenie praktyki zostało przyjęte.\n";
  m.kind = "submission_received";
  m.created_at = created_at;
  return m;
}

class MailTest : public StoreTest {
 protected:
  std::int64_t enqueue(const OutgoingMail& mail) {
    auto id = store().enqueue_mail(mail);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  OutgoingMail only(MailState state) {
    auto listed = store().outbox(state, 10);
    EXPECT_TRUE(listed) << listed.error().message;
    EXPECT_EQ(listed.value_or(std::vector<OutgoingMail>{}).size(), 1u);
    return listed && !listed->empty() ? listed->front() : OutgoingMail{};
  }
  std::vector<std::int64_t> claimed_ids(std::int64_t now, std::int64_t lease = 60, int limit = 10) {
    auto claimed = store().claim_mail(now, lease, limit);
    EXPECT_TRUE(claimed) << claimed.error().message;
    std::vector<std::int64_t> ids;
    for (const auto& m : claimed.value_or(std::vector<OutgoingMail>{})) ids.push_back(m.id);
    return ids;
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(MailTest);

TEST_P(MailTest, AQueuedMailIsListedWithItsFields) {
  const auto id = enqueue(mail_to("anna@gmina.pl"));
  const auto listed = only(MailState::queued);
  OutgoingMail expected = mail_to("anna@gmina.pl");
  expected.id = id;
  expected.next_attempt_at = kNow;  // due when created
  EXPECT_EQ(listed, expected);
  EXPECT_TRUE(store().outbox(MailState::sent, 10)->empty());
  EXPECT_EQ(store().outbox(std::nullopt, 10)->size(), 1u);
}

TEST_P(MailTest, TheOutboxListsNewestFirstUpToTheLimit) {
  const auto first = enqueue(mail_to("a@gmina.pl"));
  const auto second = enqueue(mail_to("b@gmina.pl"));
  const auto third = enqueue(mail_to("c@gmina.pl"));
  auto listed = store().outbox(std::nullopt, 2);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, third);
  EXPECT_EQ((*listed)[1].id, second);
  EXPECT_LT(first, second);
  EXPECT_EQ(store().outbox(std::nullopt, 0).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().outbox(std::nullopt, 1001).error().kind, ErrorKind::invalid_input);
}

TEST_P(MailTest, BadMailsAndHeaderInjectionAreRefused) {
  for (const char* to : {"", "anna", "@gmina.pl", "anna@", "an na@gmina.pl", "a@b@c.pl",
                         "anna@gmina.pl\r\nBcc: x@y.pl", "Anna <anna@gmina.pl>", "a,b@gmina.pl",
                         "łucja@gmina.pl", "anna@gmina.pl\n"}) {
    EXPECT_EQ(store().enqueue_mail(mail_to(to)).error().kind, ErrorKind::invalid_input) << to;
  }
  for (const char* subject :
       {"", "Temat\r\nBcc: x@y.pl", "Temat\nX: y", "Temat\rX", "Tab\there", "\xC5", "\xC0\xAF"}) {
    OutgoingMail m = mail_to("anna@gmina.pl");
    m.subject = subject;
    EXPECT_EQ(store().enqueue_mail(m).error().kind, ErrorKind::invalid_input) << subject;
  }
  OutgoingMail long_subject = mail_to("anna@gmina.pl");
  long_subject.subject = std::string(251, 'a');
  EXPECT_EQ(store().enqueue_mail(long_subject).error().kind, ErrorKind::invalid_input);
  for (std::string body : {std::string("a\0b", 3), std::string("\x1b[31m"), std::string("\xFF")}) {
    OutgoingMail m = mail_to("anna@gmina.pl");
    m.body = body;
    EXPECT_EQ(store().enqueue_mail(m).error().kind, ErrorKind::invalid_input);
  }
  for (const char* kind : {"", "Submission", "submission-received", "x y"}) {
    OutgoingMail m = mail_to("anna@gmina.pl");
    m.kind = kind;
    EXPECT_EQ(store().enqueue_mail(m).error().kind, ErrorKind::invalid_input) << kind;
  }
  EXPECT_TRUE(store().outbox(std::nullopt, 10)->empty());
}

TEST_P(MailTest, AMailQueuedInAWriteCommitsOrRollsBackWithTheEvent) {
  auto kept = store().write([&](Writer& w) -> Status {
    if (auto unit = w.save_unit(sample_unit()); !unit) return std::unexpected(unit.error());
    if (auto id = w.enqueue_mail(mail_to("anna@gmina.pl")); !id) {
      return std::unexpected(id.error());
    }
    return {};
  });
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(only(MailState::queued).to, "anna@gmina.pl");

  auto undone = store().write([&](Writer& w) -> Status {
    EXPECT_TRUE(w.enqueue_mail(mail_to("jan@gmina.pl")));
    return fail(ErrorKind::conflict, "the event was refused");
  });
  ASSERT_FALSE(undone);
  EXPECT_EQ(store().outbox(std::nullopt, 10)->size(), 1u);

  auto refused_alone = store().write([&](Writer& w) -> Status {
    EXPECT_EQ(w.enqueue_mail(mail_to("bad address")).error().kind, ErrorKind::invalid_input);
    if (auto id = w.enqueue_mail(mail_to("ewa@gmina.pl")); !id) return std::unexpected(id.error());
    return {};
  });
  ASSERT_TRUE(refused_alone) << refused_alone.error().message;
  EXPECT_EQ(store().outbox(std::nullopt, 10)->size(), 2u);
}

TEST_P(MailTest, AClaimTakesDueMailsOldestFirstAndLeasesThem) {
  OutgoingMail later = mail_to("later@gmina.pl");
  later.next_attempt_at = kNow + 100;
  const auto late = enqueue(later);
  const auto second = enqueue(mail_to("b@gmina.pl", kNow + 10));
  const auto first = enqueue(mail_to("a@gmina.pl", kNow));

  EXPECT_EQ(claimed_ids(kNow + 10, 200, 1), std::vector<std::int64_t>{first});
  auto claimed = store().claim_mail(kNow + 10, 200, 10);
  ASSERT_TRUE(claimed) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ(claimed->front().id, second);
  EXPECT_EQ(claimed->front().state, MailState::sending);
  EXPECT_EQ(claimed->front().attempts, 1);
  EXPECT_EQ(claimed->front().next_attempt_at, kNow + 210);  // the lease's end
  EXPECT_EQ(claimed->front().subject, mail_to("").subject);
  EXPECT_TRUE(claimed_ids(kNow + 10).empty());
  EXPECT_EQ(claimed_ids(kNow + 100), std::vector<std::int64_t>{late});
  EXPECT_EQ(store().outbox(MailState::sending, 10)->size(), 3u);

  EXPECT_EQ(store().claim_mail(kNow, 60, 0).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().claim_mail(kNow, 60, 101).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().claim_mail(kNow, 0, 1).error().kind, ErrorKind::invalid_input);
}

TEST_P(MailTest, AMailWhoseLeaseRanOutIsClaimedAgain) {
  const auto id = enqueue(mail_to("anna@gmina.pl"));
  EXPECT_EQ(claimed_ids(kNow, 60), std::vector<std::int64_t>{id});
  EXPECT_TRUE(claimed_ids(kNow + 59).empty());  // the sender may still be at it
  auto again = store().claim_mail(kNow + 60, 60, 10);
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ(again->front().attempts, 2);
  ASSERT_TRUE(store().mail_sent(id, kNow + 61));
  EXPECT_EQ(only(MailState::sent).sent_at, kNow + 61);
}

TEST_P(MailTest, ASentMailIsNeverClaimedAgainNorMarkedTwice) {
  const auto id = enqueue(mail_to("anna@gmina.pl"));
  EXPECT_EQ(store().mail_sent(id, kNow).error().kind, ErrorKind::conflict);  // not claimed
  ASSERT_EQ(claimed_ids(kNow), std::vector<std::int64_t>{id});
  auto sent = store().mail_sent(id, kNow + 5);
  ASSERT_TRUE(sent) << sent.error().message;
  const auto stored = only(MailState::sent);
  EXPECT_EQ(stored.sent_at, kNow + 5);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_TRUE(claimed_ids(kNow + 1'000'000).empty());
  EXPECT_EQ(store().mail_sent(id, kNow + 6).error().kind, ErrorKind::conflict);
  EXPECT_EQ(store().mail_failed(id, kNow + 6, "x", {}).error().kind, ErrorKind::conflict);
  EXPECT_EQ(store().mail_sent(id + 1, kNow).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().mail_failed(id + 1, kNow, "x", {}).error().kind, ErrorKind::not_found);
}

TEST_P(MailTest, FailedAttemptsBackOffExponentiallyThenTheMailIsDead) {
  const auto id = enqueue(mail_to("anna@gmina.pl"));
  const MailRetry retry{.max_attempts = 4, .first_delay_seconds = 10, .max_delay_seconds = 25};
  std::int64_t now = kNow;
  for (const std::int64_t delay : {10, 20, 25}) {
    ASSERT_EQ(claimed_ids(now), std::vector<std::int64_t>{id});
    auto failed = store().mail_failed(id, now, "Connection refused", retry);
    ASSERT_TRUE(failed) << failed.error().message;
    const auto queued = only(MailState::queued);
    EXPECT_EQ(queued.next_attempt_at, now + delay);
    EXPECT_EQ(queued.last_error, "Connection refused");
    EXPECT_TRUE(claimed_ids(now + delay - 1).empty());
    now += delay;
  }
  ASSERT_EQ(claimed_ids(now), std::vector<std::int64_t>{id});
  ASSERT_TRUE(store().mail_failed(id, now, "550 no such user\r\n\xC5\x81", retry));
  const auto dead = only(MailState::dead);
  EXPECT_EQ(dead.attempts, 4);
  EXPECT_EQ(dead.last_error, "550 no such user????");
  EXPECT_FALSE(dead.sent_at);
  EXPECT_TRUE(claimed_ids(now + 1'000'000).empty());
  EXPECT_EQ(store().mail_failed(id, now, "x", MailRetry{.max_attempts = 0}).error().kind,
            ErrorKind::invalid_input);
}

TEST_P(MailTest, ADeadLetterIsQueuedAgainWithItsAttemptsAnew) {
  const auto id = enqueue(mail_to("anna@gmina.pl"));
  const auto requeue = [&](std::int64_t mail, std::int64_t now) {
    return store().write([&](Writer& w) { return w.requeue_mail(mail, now); });
  };
  EXPECT_EQ(requeue(id, kNow).error().kind, ErrorKind::conflict) << "queued, not dead";
  ASSERT_EQ(claimed_ids(kNow), std::vector<std::int64_t>{id});
  ASSERT_TRUE(store().mail_failed(id, kNow, "550 no such user", MailRetry{.max_attempts = 1}));
  ASSERT_EQ(only(MailState::dead).attempts, 1);
  ASSERT_TRUE(requeue(id, kNow + 100));
  const auto queued = only(MailState::queued);
  EXPECT_EQ(queued.attempts, 0);
  EXPECT_EQ(queued.next_attempt_at, kNow + 100);
  EXPECT_EQ(queued.last_error, "550 no such user") << "kept until the next attempt";
  EXPECT_TRUE(claimed_ids(kNow + 99).empty());
  EXPECT_EQ(claimed_ids(kNow + 100), std::vector<std::int64_t>{id});
  EXPECT_EQ(requeue(id + 1, kNow).error().kind, ErrorKind::not_found);
}

TEST_P(MailTest, AStaleSenderCannotMarkAMailAnotherClaimTook) {
  const auto id = enqueue(mail_to("anna@gmina.pl"));
  ASSERT_EQ(claimed_ids(kNow, 60), std::vector<std::int64_t>{id});
  ASSERT_EQ(claimed_ids(kNow + 60, 60), std::vector<std::int64_t>{id});  // the first one died
  ASSERT_TRUE(store().mail_sent(id, kNow + 61));                         // the second sent it
  EXPECT_EQ(store().mail_failed(id, kNow + 62, "late", {}).error().kind, ErrorKind::conflict);
  EXPECT_EQ(only(MailState::sent).last_error, "");
}

TEST_P(MailTest, TwoNodesClaimingAtOnceNeverGetTheSameMail) {
  constexpr int kMails = 120;
  auto queued = store().write([&](Writer& w) -> Status {
    for (int i = 0; i < kMails; ++i) {
      auto id = w.enqueue_mail(mail_to("m" + std::to_string(i) + "@gmina.pl"));
      if (!id) return std::unexpected(id.error());
    }
    return {};
  });
  ASSERT_TRUE(queued) << queued.error().message;
  auto other = open_store(database_url());
  ASSERT_TRUE(other) << other.error().message;
  std::mutex mutex;
  std::vector<std::int64_t> ids;
  int errors = 0;
  std::vector<std::thread> claimers;
  for (Store* node : {&store(), other->get()}) {
    for (int t = 0; t < 2; ++t) {
      claimers.emplace_back([&, node] {
        for (;;) {
          auto claimed = node->claim_mail(kNow, 300, 7);
          std::lock_guard lock(mutex);
          if (!claimed) ++errors;
          if (!claimed || claimed->empty()) return;
          for (const auto& m : *claimed) ids.push_back(m.id);
        }
      });
    }
  }
  for (auto& t : claimers) t.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kMails));
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(),
            static_cast<std::size_t>(kMails));
}

}  // namespace
}  // namespace bdp::testing
