// Verification of data, on every engine: a practice never verified reads as zeros; a save keeps
// every field and drops the practice's pages (a change-log entry); the list holds published
// practices only; a reminder is claimed once, also by two nodes at once; its token finds the
// record until a confirmation clears it; the record goes with the practice.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

class VerificationTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const auto section = store().save_section(sample_section("pomoc", "Pomoc")).value_or(0);
    unit_ = store().save_unit(sample_unit()).value_or(0);
    practice_ = store().save_practice(sample_practice(unit_, {section})).value_or(0);
    ASSERT_GT(practice_, 0);
    auto draft = sample_practice(unit_, {section}, "Szkic w przeglądzie");
    draft.slug = "szkic";
    draft.status = PracticeStatus::in_review;
    in_review_ = store().save_practice(draft).value_or(0);
    ASSERT_GT(in_review_, 0);
  }
  Status save(const Verification& v) {
    return store().write([&](Writer& w) { return w.save_verification(v); });
  }
  Result<bool> claim(Store& s, std::int64_t now, const std::string& hash) {
    Result<bool> claimed = false;
    auto written = s.write([&](Writer& w) -> Status {
      claimed = w.claim_reminder(practice_, now, now - 86400, hash);
      if (!claimed) return std::unexpected(claimed.error());
      return {};
    });
    if (!written) return std::unexpected(written.error());
    return claimed;
  }
  std::int64_t unit_ = 0;
  std::int64_t practice_ = 0;
  std::int64_t in_review_ = 0;
};
BDP_STORE_TEST_ON_ALL_ENGINES(VerificationTest);

TEST_P(VerificationTest, APracticeNeverVerifiedReadsAsZeros) {
  EXPECT_EQ(store().verification(practice_), (Verification{practice_, 0, 0, 0, ""}));
}

TEST_P(VerificationTest, ASaveKeepsEveryFieldAndDropsThePracticesPages) {
  const auto before = store().last_change_seq().value_or(-1);
  const Verification v{practice_, kNow, kNow - 5, kNow - 9, "ab12"};
  ASSERT_TRUE(save(v));
  EXPECT_EQ(store().verification(practice_), v);
  auto changes = store().changes_since(before, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 1U);
  EXPECT_EQ((*changes)[0].kind, EntityKind::practice);
  EXPECT_EQ((*changes)[0].id, practice_);
  // A second save replaces the first.
  ASSERT_TRUE(save({practice_, kNow + 1, kNow + 1, kNow - 9, ""}));
  EXPECT_EQ(store().verification(practice_)->content_verified_at, kNow + 1);
  EXPECT_EQ(store().verification(practice_)->confirm_token_hash, "");
}

TEST_P(VerificationTest, RefusesAMissingPracticeAndNegativeTimes) {
  EXPECT_EQ(save({practice_ + 1000, kNow, kNow, 0, ""}).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(save({practice_, -1, kNow, 0, ""}).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().verification(practice_), (Verification{practice_, 0, 0, 0, ""}));
}

TEST_P(VerificationTest, TheListHoldsPublishedPracticesWithTheirRecords) {
  ASSERT_TRUE(save({practice_, kNow, kNow - 5, 0, ""}));
  auto list = store().verifications();
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 1U) << "the practice in review is not listed";
  const auto& item = list->front();
  EXPECT_EQ(item.practice_id, practice_);
  EXPECT_EQ(item.title, "Centrum Aktywności Lokalnej");
  EXPECT_EQ(item.unit_name, sample_unit().name);
  EXPECT_EQ(item.updated_at.size(), 20U) << item.updated_at;  // YYYY-MM-DDTHH:MM:SSZ
  EXPECT_EQ(item.verification, (Verification{practice_, kNow, kNow - 5, 0, ""}));
}

TEST_P(VerificationTest, AReminderIsClaimedOnceUntilTheGapHasPassed) {
  EXPECT_EQ(claim(store(), kNow, "t1"), true);
  EXPECT_EQ(claim(store(), kNow + 10, "t2"), false) << "reminded a moment ago";
  const auto v = store().verification(practice_);
  EXPECT_EQ(v->reminded_at, kNow);
  EXPECT_EQ(v->confirm_token_hash, "t1");
  EXPECT_EQ(claim(store(), kNow + 86400 + 1, "t3"), true) << "the gap has passed";
  EXPECT_EQ(store().verification(practice_)->confirm_token_hash, "t3");
  EXPECT_EQ(claim(store(), kNow, "").error().kind, ErrorKind::invalid_input);
}

TEST_P(VerificationTest, TwoNodesClaimingAtOnceRemindOnce) {
  auto other = open_store(database_url());
  ASSERT_TRUE(other) << other.error().message;
  std::atomic<int> claimed{0}, errors{0};
  std::vector<std::thread> nodes;
  for (Store* node : {&store(), other->get(), &store(), other->get()}) {
    nodes.emplace_back([&, node] {
      auto c = claim(*node, kNow, "t");
      if (!c) ++errors;
      if (c && *c) ++claimed;
    });
  }
  for (auto& t : nodes) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(claimed.load(), 1);
}

TEST_P(VerificationTest, TheTokenFindsTheRecordUntilAConfirmationClearsIt) {
  ASSERT_EQ(claim(store(), kNow, "hash-of-token"), true);
  auto found = store().verification_by_token("hash-of-token");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->practice_id, practice_);
  Verification confirmed = *found;
  confirmed.content_verified_at = confirmed.contacts_verified_at = kNow + 60;
  confirmed.confirm_token_hash.clear();
  ASSERT_TRUE(save(confirmed));
  EXPECT_EQ(store().verification_by_token("hash-of-token").error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().verification_by_token("").error().kind, ErrorKind::not_found)
      << "an empty hash never matches the records without an open link";
}

TEST_P(VerificationTest, TheRecordGoesWithThePractice) {
  ASSERT_TRUE(save({practice_, kNow, kNow, 0, "x"}));
  ASSERT_TRUE(store().delete_practice(practice_));
  EXPECT_EQ(store().verification_by_token("x").error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().verification(practice_), (Verification{practice_, 0, 0, 0, ""}));
}

}  // namespace
}  // namespace bdp::testing
