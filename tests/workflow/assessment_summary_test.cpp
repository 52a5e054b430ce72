// The reviewers' scores as editors read them, and who sees them.
#include "workflow/assessment_summary.h"

#include <gtest/gtest.h>

namespace bdp::workflow {
namespace {

// An assessment of practice 1 by `reviewer` giving every criterion of the current set `score`,
// except criterion 0, which gets `first`.
Assessment scored(std::int64_t reviewer, int first, int score) {
  Assessment a;
  a.practice_id = 1;
  a.reviewer_id = reviewer;
  a.criteria_version = current_criteria().version;
  for (const auto& c : current_criteria().criteria) a.scores.emplace_back(c.key, score);
  a.scores[0].second = first;
  a.justification = "uzasadnienie";
  a.confidence = Confidence::medium;
  return a;
}

Assessment conflict(std::int64_t reviewer) {
  Assessment a;
  a.practice_id = 1;
  a.reviewer_id = reviewer;
  a.criteria_version = current_criteria().version;
  a.conflict = true;
  a.justification = "ta sama gmina";
  return a;
}

TEST(AssessmentSummary, GivesMeanMedianAndSpreadPerCriterion) {
  const auto lines = summarise(
      current_criteria(), {scored(1, 1, 3), scored(2, 2, 4), scored(3, 4, 4), scored(4, 5, 4)});
  ASSERT_EQ(lines.size(), current_criteria().criteria.size());
  EXPECT_EQ(lines[0].key, "innowacyjnosc");
  EXPECT_EQ(lines[0].name, "Innowacyjność");
  EXPECT_EQ(lines[0].count, 4);
  EXPECT_DOUBLE_EQ(lines[0].mean, 3.0);
  EXPECT_DOUBLE_EQ(lines[0].median, 3.0);  // (2 + 4) / 2 of 1 2 4 5
  EXPECT_EQ(lines[0].spread, 4);
  EXPECT_TRUE(lines[0].disagreement);
  EXPECT_DOUBLE_EQ(lines[1].mean, 3.75);
  EXPECT_DOUBLE_EQ(lines[1].median, 4.0);
  EXPECT_EQ(lines[1].spread, 1);
  EXPECT_FALSE(lines[1].disagreement);
}

TEST(AssessmentSummary, FlagsADifferenceOfTwoButNotOfOne) {
  EXPECT_TRUE(summarise(current_criteria(), {scored(1, 3, 3), scored(2, 5, 3)})[0].disagreement);
  EXPECT_FALSE(summarise(current_criteria(), {scored(1, 4, 3), scored(2, 5, 3)})[0].disagreement);
}

TEST(AssessmentSummary, LeavesOutConflictsAndCountsNothingWhenNobodyScored) {
  const auto lines = summarise(current_criteria(), {conflict(1), scored(2, 0, 0)});
  EXPECT_EQ(lines[0].count, 1);
  EXPECT_DOUBLE_EQ(lines[0].mean, 0.0);
  const auto none = summarise(current_criteria(), {conflict(1)});
  EXPECT_EQ(none[0].count, 0);
  EXPECT_FALSE(none[0].disagreement);
}

TEST(AssessmentSummary, LeavesOutAssessmentsOfAnotherCriteriaVersion) {
  Assessment old = scored(1, 5, 5);
  old.criteria_version = current_criteria().version + 1;
  EXPECT_EQ(summarise(current_criteria(), {old, scored(2, 1, 1)})[0].count, 1);
}

TEST(AssessmentSummary, AReviewerIsBlindToOthersUntilTheyHaveScored) {
  const std::vector<Assessment> others = {scored(2, 3, 3), conflict(3)};
  EXPECT_FALSE(may_see_others(Role::reviewer, 1, others));
  EXPECT_FALSE(may_see_others(Role::reviewer, 3, others));  // a conflict is not a score
  EXPECT_TRUE(may_see_others(Role::reviewer, 2, others));
  EXPECT_TRUE(may_see_others(Role::editor, 1, others));
}

}  // namespace
}  // namespace bdp::workflow
