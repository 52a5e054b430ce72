// The permission table and the review lifecycle, as the back office applies them.
#include "workflow/permissions.h"

#include <gtest/gtest.h>

#include "workflow/transitions.h"

namespace bdp::workflow {
namespace {

using S = PracticeStatus;

TEST(Permissions, OnlyAnAdministratorManagesAccounts) {
  EXPECT_TRUE(allowed(Role::administrator, Action::manage_accounts));
  EXPECT_FALSE(allowed(Role::editor, Action::manage_accounts));
  EXPECT_FALSE(allowed(Role::reviewer, Action::manage_accounts));
  EXPECT_FALSE(allowed(Role::submitter, Action::manage_accounts));
}

TEST(Permissions, EditorsAndAdministratorsManageTheLinks) {
  EXPECT_TRUE(allowed(Role::administrator, Action::manage_links));
  EXPECT_TRUE(allowed(Role::editor, Action::manage_links));
  EXPECT_FALSE(allowed(Role::reviewer, Action::manage_links));
  EXPECT_FALSE(allowed(Role::submitter, Action::manage_links));
  EXPECT_TRUE(allowed(Role::administrator, Action::manage_documents));
  EXPECT_TRUE(allowed(Role::editor, Action::manage_documents));
  EXPECT_FALSE(allowed(Role::reviewer, Action::manage_documents));
  EXPECT_FALSE(allowed(Role::submitter, Action::manage_documents));
}

TEST(Permissions, AReviewerSeesAndCommentsButNeverPublishes) {
  EXPECT_TRUE(allowed(Role::reviewer, Action::view_queue));
  EXPECT_TRUE(allowed(Role::reviewer, Action::comment));
  EXPECT_FALSE(allowed(Role::reviewer, Action::publish));
  EXPECT_FALSE(allowed(Role::reviewer, Action::assign));
  EXPECT_FALSE(allowed(Role::reviewer, Action::view_audit));
}

TEST(Permissions, AReviewerScoresButSeesOthersOnlyAsAnEditorDoes) {
  EXPECT_TRUE(allowed(Role::reviewer, Action::assess));
  EXPECT_TRUE(allowed(Role::editor, Action::assess));
  EXPECT_FALSE(allowed(Role::reviewer, Action::see_assessments));
  EXPECT_TRUE(allowed(Role::editor, Action::see_assessments));
  EXPECT_TRUE(allowed(Role::administrator, Action::see_assessments));
  EXPECT_FALSE(allowed(Role::reviewer, Action::disclose_assessment));
  EXPECT_TRUE(allowed(Role::editor, Action::disclose_assessment));
}

TEST(Permissions, AReviewerReadsRevisionsButOnlyEditorsRestoreThem) {
  EXPECT_TRUE(allowed(Role::reviewer, Action::view_queue));
  EXPECT_FALSE(allowed(Role::reviewer, Action::restore_revision));
  EXPECT_TRUE(allowed(Role::editor, Action::restore_revision));
  EXPECT_TRUE(allowed(Role::administrator, Action::restore_revision));
}

TEST(Permissions, OnlyEditorsAndAdministratorsMarkDataVerified) {
  EXPECT_TRUE(allowed(Role::administrator, Action::verify));
  EXPECT_TRUE(allowed(Role::editor, Action::verify));
  EXPECT_FALSE(allowed(Role::reviewer, Action::verify));
  EXPECT_FALSE(allowed(Role::submitter, Action::verify));
  EXPECT_TRUE(allowed(Role::editor, Action::manage_outbox));
  EXPECT_FALSE(allowed(Role::reviewer, Action::manage_outbox));
}

TEST(Permissions, EditorsAndAdministratorsKeepUnitsSectionsBrandingAndTextsButReviewersDoNot) {
  for (auto action : {Action::manage_units, Action::manage_sections, Action::manage_branding,
                      Action::edit_content}) {
    EXPECT_TRUE(allowed(Role::administrator, action)) << to_string(action);
    EXPECT_TRUE(allowed(Role::editor, action)) << to_string(action);
    EXPECT_FALSE(allowed(Role::reviewer, action)) << to_string(action);
    EXPECT_FALSE(allowed(Role::submitter, action)) << to_string(action);
  }
}

TEST(Permissions, ASubmitterOnlyOpensTheDesk) {
  for (auto action : all_actions()) {
    EXPECT_EQ(allowed(Role::submitter, action), action == Action::open_desk) << to_string(action);
  }
}

TEST(Permissions, EveryActionHasAUniqueNameThatReadsBack) {
  for (auto action : all_actions()) {
    EXPECT_EQ(action_from_string(to_string(action)), action);
  }
  EXPECT_EQ(all_actions().size(), 25U);
  EXPECT_EQ(action_from_string("delete_everything"), std::nullopt);
}

TEST(Transitions, RequestingChangesNeedsAReasonAndGoesBackToReview) {
  auto request = transition(S::in_review, Action::request_changes);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->to, S::changes_requested);
  EXPECT_TRUE(request->reason_required);
  auto resume = transition(S::changes_requested, Action::resume_review);
  ASSERT_TRUE(resume);
  EXPECT_EQ(resume->to, S::in_review);
  EXPECT_FALSE(resume->reason_required);
}

TEST(Transitions, NothingIsPublishedWithoutReview) {
  EXPECT_EQ(transition(S::submitted, Action::publish), std::nullopt);
  EXPECT_EQ(transition(S::changes_requested, Action::publish), std::nullopt);
  EXPECT_EQ(transition(S::draft, Action::start_review), std::nullopt);
  EXPECT_EQ(transition(S::in_review, Action::publish)->to, S::published);
}

TEST(Transitions, TheOffersFollowTheRole) {
  const auto editor = transitions_for(Role::editor, S::in_review);
  ASSERT_EQ(editor.size(), 2U);
  EXPECT_EQ(editor[0].action, Action::request_changes);
  EXPECT_EQ(editor[1].action, Action::publish);
  EXPECT_TRUE(transitions_for(Role::reviewer, S::in_review).empty());
  EXPECT_EQ(transitions_for(Role::editor, S::published)[0].to, S::archived);
}

}  // namespace
}  // namespace bdp::workflow
