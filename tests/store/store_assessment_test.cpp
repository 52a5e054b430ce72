// Expert assessments, on every engine: every field and score kept in criteria order, one per
// reviewer (a second replaces the first, a conflict drops the scores), validation, the audit
// written with it or neither, and gone with the practice; its summary shown on the public page
// or not, each change of that a change of the practice.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class AssessmentTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const auto section = store().save_section(sample_section("pomoc", "Pomoc")).value_or(0);
    const auto unit = store().save_unit(sample_unit()).value_or(0);
    practice_ = store().save_practice(sample_practice(unit, {section})).value_or(0);
    ASSERT_GT(practice_, 0);
    for (const char* name : {"Ewa Recenzentka", "Jan Ekspert"}) {
      Editor e;
      e.email = std::string(name).substr(0, 3) + "@bdp.example.pl";
      e.display_name = name;
      e.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
      e.role = Role::reviewer;
      e.created_at = 1'800'000'000;
      reviewers_.push_back(store().add_editor(e).value_or(0));
    }
    ASSERT_GT(reviewers_[1], 0);
  }
  Assessment scored(std::int64_t reviewer, int base) const {
    Assessment a;
    a.practice_id = practice_;
    a.reviewer_id = reviewer;
    a.criteria_version = current_criteria().version;
    int n = base;
    for (const auto& c : current_criteria().criteria) a.scores.emplace_back(c.key, n++ % 6);
    a.justification = "Rezultaty zmierzone.\nDrugi wiersz.";
    a.confidence = Confidence::high;
    a.at = 1'800'000'100 + reviewer;
    return a;
  }
  Status save(const Assessment& a) {
    return store().write([&](Writer& w) { return w.save_assessment(a); });
  }
  std::int64_t practice_ = 0;
  std::vector<std::int64_t> reviewers_;
};
BDP_STORE_TEST_ON_ALL_ENGINES(AssessmentTest);

TEST_P(AssessmentTest, KeepsEveryFieldAndScoreInCriteriaOrder) {
  ASSERT_TRUE(save(scored(reviewers_[1], 3)));
  ASSERT_TRUE(save(scored(reviewers_[0], 0)));
  auto read = store().assessments(practice_);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), 2U);
  Assessment first = scored(reviewers_[0], 0);
  first.reviewer_name = "Ewa Recenzentka";
  EXPECT_EQ((*read)[0], first);  // earliest first
  EXPECT_EQ((*read)[1].reviewer_name, "Jan Ekspert");
  EXPECT_EQ((*read)[1].scores[0], (std::pair<std::string, int>{"innowacyjnosc", 3}));
  EXPECT_EQ((*read)[1].scores[6], (std::pair<std::string, int>{"trwalosc", 3}));  // 9 % 6
  EXPECT_EQ(store().assessments(practice_ + 1), std::vector<Assessment>{});
}

TEST_P(AssessmentTest, ASecondAssessmentReplacesTheFirstAndAConflictDropsTheScores) {
  ASSERT_TRUE(save(scored(reviewers_[0], 0)));
  ASSERT_TRUE(save(scored(reviewers_[0], 2)));
  auto read = store().assessments(practice_);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->size(), 1U);
  EXPECT_EQ((*read)[0].scores[0].second, 2);
  Assessment conflict;
  conflict.practice_id = practice_;
  conflict.reviewer_id = reviewers_[0];
  conflict.criteria_version = current_criteria().version;
  conflict.conflict = true;
  conflict.justification = "Pracowałam w tej gminie.";
  conflict.at = 1'800'000'500;
  ASSERT_TRUE(save(conflict));
  read = store().assessments(practice_);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->size(), 1U);
  EXPECT_TRUE((*read)[0].conflict);
  EXPECT_TRUE((*read)[0].scores.empty());
  EXPECT_EQ((*read)[0].confidence, Confidence::none);
  EXPECT_EQ((*read)[0].justification, "Pracowałam w tej gminie.");
}

TEST_P(AssessmentTest, RefusesWhatIsNotACompleteAssessment) {
  auto refused = [&](Assessment a) { return save(a).error().kind == ErrorKind::invalid_input; };
  Assessment a = scored(reviewers_[0], 0);
  a.scores.pop_back();
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  a.scores[2].second = 6;
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  std::swap(a.scores[0], a.scores[1]);
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  a.confidence = Confidence::none;
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  a.justification = " \n";
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  a.criteria_version = 999;
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  a.practice_id = practice_ + 100;
  EXPECT_TRUE(refused(a));
  a = scored(reviewers_[0], 0);
  a.conflict = true;  // with scores
  EXPECT_TRUE(refused(a));
  EXPECT_EQ(store().assessments(practice_), std::vector<Assessment>{});
}

TEST_P(AssessmentTest, IsWrittenWithItsAuditEntryOrNotAtAll) {
  auto failed = store().write([&](Writer& w) -> Status {
    if (auto s = w.save_assessment(scored(reviewers_[0], 1)); !s) return s;
    return w.append_audit(AuditEntry{});  // no action: refused, the whole write rolls back
  });
  EXPECT_FALSE(failed);
  EXPECT_EQ(store().assessments(practice_), std::vector<Assessment>{});
  auto written = store().write([&](Writer& w) -> Status {
    if (auto s = w.save_assessment(scored(reviewers_[0], 1)); !s) return s;
    if (w.assessments(practice_).value_or(std::vector<Assessment>{}).size() != 1) {
      return fail(ErrorKind::internal, "the transaction does not see its own assessment");
    }
    return w.append_audit(
        AuditEntry{0, 1'800'000'000, reviewers_[0], "ewa@bdp", "assess", "practice:1", ""});
  });
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(store().assessments(practice_).value_or(std::vector<Assessment>{}).size(), 1U);
}

TEST_P(AssessmentTest, GoesWithItsPractice) {
  ASSERT_TRUE(save(scored(reviewers_[0], 0)));
  ASSERT_TRUE(store().delete_practice(practice_));
  EXPECT_EQ(store().assessments(practice_), std::vector<Assessment>{});
}

TEST_P(AssessmentTest, ItsDisclosureIsKeptAndEachChangeDropsThePracticesPages) {
  EXPECT_EQ(store().assessment_disclosed(practice_), false) << "hidden until an editor shows it";
  const auto disclose = [&](bool shown) {
    return store().write(
        [&](Writer& w) { return w.disclose_assessment(practice_, shown, 1'800'000'000); });
  };
  for (bool shown : {true, true, false, false, true}) {
    const auto before = store().last_change_seq().value_or(-1);
    ASSERT_TRUE(disclose(shown));
    EXPECT_EQ(store().assessment_disclosed(practice_), shown);
    auto changes = store().changes_since(before, 10);
    ASSERT_TRUE(changes);
    ASSERT_EQ(changes->size(), 1U);
    EXPECT_EQ((*changes)[0].kind, EntityKind::practice);
    EXPECT_EQ((*changes)[0].id, practice_);
    EXPECT_FALSE((*changes)[0].deleted);
  }
  // A score saved while it is shown changes the page; while hidden, it does not.
  auto before = store().last_change_seq().value_or(-1);
  ASSERT_TRUE(save(scored(reviewers_[0], 2)));
  auto changes = store().changes_since(before, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 1U);
  EXPECT_EQ((*changes)[0].id, practice_);
  ASSERT_TRUE(disclose(false));
  before = store().last_change_seq().value_or(-1);
  ASSERT_TRUE(save(scored(reviewers_[1], 3)));
  EXPECT_EQ(store().changes_since(before, 10)->size(), 0U);
  auto missing = store().write(
      [&](Writer& w) { return w.disclose_assessment(practice_ + 1, true, 1'800'000'000); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::invalid_input);
  ASSERT_TRUE(store().delete_practice(practice_));
  EXPECT_EQ(store().assessment_disclosed(practice_), false);
}

}  // namespace
}  // namespace bdp::testing
