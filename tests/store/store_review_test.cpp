// The back office's records on every engine: roles, password changes, failed logins shared by
// every node, the review workflow and queue, comments, and the audit log.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

Editor editor_named(const std::string& email, const std::string& name, Role role) {
  Editor e;
  e.email = email;
  e.display_name = name;
  e.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  e.created_at = kNow;
  e.role = role;
  return e;
}

AuditEntry audit(const std::string& action, const std::string& entity, std::int64_t at = kNow) {
  return AuditEntry{0, at, std::nullopt, "cli", action, entity, "detail of " + action};
}

class ReviewTest : public StoreTest {
 protected:
  std::int64_t add(const Editor& editor) {
    auto id = store().add_editor(editor);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  std::int64_t add_practice(PracticeStatus status, const std::string& title) {
    auto unit = store().save_unit(sample_unit("unit-" + title));
    EXPECT_TRUE(unit) << unit.error().message;
    Practice p = sample_practice(unit.value_or(0), {});
    p.title = title;
    p.status = status;
    auto id = store().save_practice(p);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(ReviewTest);

TEST_P(ReviewTest, ARoleIsStoredAndChangedWithItsAuditEntry) {
  add(editor_named("rec@gmina.pl", "Recenzent", Role::reviewer));
  EXPECT_EQ(store().editor_by_email("rec@gmina.pl")->role, Role::reviewer);
  ASSERT_TRUE(store().set_editor_role("REC@gmina.pl", Role::editor, audit("role", "editor:1")));
  EXPECT_EQ(store().editor_by_email("rec@gmina.pl")->role, Role::editor);
  auto log = store().audit_log("role", "", 0, 10);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ((*log)[0].entity, "editor:1");
  EXPECT_EQ((*log)[0].detail, "detail of role");
  EXPECT_EQ(
      store().set_editor_role("nobody@gmina.pl", Role::editor, audit("role", "x")).error().kind,
      ErrorKind::not_found);
}

TEST_P(ReviewTest, APasswordChangeEndsEveryOtherSession) {
  const auto id = add(editor_named("anna@gmina.pl", "Anna", Role::editor));
  ASSERT_TRUE(store().create_session({"kept", id, kNow, kNow + 3600, kNow}));
  ASSERT_TRUE(store().create_session({"other", id, kNow, kNow + 3600, kNow}));
  ASSERT_TRUE(store().set_editor_password(id, "$argon2id$new", "kept", audit("password", "x")));
  EXPECT_EQ(store().editor(id)->password_hash, "$argon2id$new");
  EXPECT_TRUE(store().session_editor("kept", kNow + 1));
  EXPECT_EQ(store().session_editor("other", kNow + 1).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().set_editor_password(id + 100, "$h", "", audit("password", "x")).error().kind,
            ErrorKind::not_found);
}

TEST_P(ReviewTest, FailedLoginsAreCountedByEveryNodeWithinTheWindow) {
  auto other = open_store(database_url());
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE(store().record_login_failure("k", kNow, 900));
  ASSERT_TRUE((*other)->record_login_failure("k", kNow + 10, 900));
  auto seen = store().login_failures("k", kNow + 10 - 900);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->count, 2);
  EXPECT_EQ(seen->first_at, kNow);
  // A failure past the window forgets the old ones.
  auto later = (*other)->record_login_failure("k", kNow + 905, 900);
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_EQ(later->count, 2);
  EXPECT_EQ(later->first_at, kNow + 10);
  ASSERT_TRUE(store().clear_login_failures("k"));
  EXPECT_EQ(store().login_failures("k", 0)->count, 0);
}

TEST_P(ReviewTest, TheQueueListsAStatusOldestFirstWithItsAssignee) {
  const auto reviewer = add(editor_named("rec@gmina.pl", "Ewa Recenzent", Role::reviewer));
  const auto late = add_practice(PracticeStatus::submitted, "Późna");
  const auto early = add_practice(PracticeStatus::submitted, "Wczesna");
  add_practice(PracticeStatus::published, "Opublikowana");
  ASSERT_TRUE(store().write([&](Writer& w) -> Status {
    if (auto s = w.save_workflow({late, reviewer, "2027-01-31", kNow + 50}); !s) return s;
    return w.save_workflow({early, std::nullopt, "", kNow});
  }));
  auto queue = store().review_queue(PracticeStatus::submitted);
  ASSERT_TRUE(queue) << queue.error().message;
  ASSERT_EQ(queue->size(), 2U);
  EXPECT_EQ((*queue)[0].practice_id, early);
  EXPECT_EQ((*queue)[0].assignee_name, "");
  EXPECT_EQ((*queue)[1].practice_id, late);
  EXPECT_EQ((*queue)[1].title, "Późna");
  EXPECT_EQ((*queue)[1].assignee_id, reviewer);
  EXPECT_EQ((*queue)[1].assignee_name, "Ewa Recenzent");
  EXPECT_EQ((*queue)[1].due_on, "2027-01-31");
  EXPECT_EQ((*queue)[1].state_since, kNow + 50);
  auto workflow = store().workflow(late);
  ASSERT_TRUE(workflow);
  EXPECT_EQ(*workflow, (PracticeWorkflow{late, reviewer, "2027-01-31", kNow + 50}));
  EXPECT_EQ(store().workflow(late + 100).error().kind, ErrorKind::not_found);
}

TEST_P(ReviewTest, AWorkflowWithABadDueDateIsRefused) {
  const auto id = add_practice(PracticeStatus::submitted, "A");
  auto saved = store().write([&](Writer& w) {
    return w.save_workflow({id, std::nullopt, "31.01", kNow});
  });
  EXPECT_EQ(saved.error().kind, ErrorKind::invalid_input);
}

TEST_P(ReviewTest, TheSubmitterSeesOnlyCommentsAddressedToThem) {
  const auto id = add_practice(PracticeStatus::in_review, "A");
  ASSERT_TRUE(store().write([&](Writer& w) -> Status {
    if (auto c = w.add_comment({0, id, std::nullopt, "Anna", false, "wewnętrzna", kNow}); !c) {
      return std::unexpected(c.error());
    }
    if (auto c =
            w.add_comment({0, id, std::nullopt, "Anna", true, "Proszę dodać koszty.", kNow + 1});
        !c) {
      return std::unexpected(c.error());
    }
    return {};
  }));
  auto all = store().comments(id, false);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].body, "wewnętrzna");
  auto theirs = store().comments(id, true);
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->size(), 1U);
  EXPECT_EQ((*theirs)[0].body, "Proszę dodać koszty.");
  EXPECT_TRUE((*theirs)[0].to_submitter);
  auto empty = store().write([&](Writer& w) -> Status {
    auto c = w.add_comment({0, id, std::nullopt, "Anna", true, "", kNow});
    if (!c) return std::unexpected(c.error());
    return {};
  });
  EXPECT_EQ(empty.error().kind, ErrorKind::invalid_input);
}

TEST_P(ReviewTest, TheAuditLogPagesNewestFirstAndFilters) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(store().append_audit(
        audit(i % 2 ? "transition:publish" : "login", "practice:" + std::to_string(i), kNow + i)));
  }
  auto page = store().audit_log("", "", 0, 2);
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->size(), 2U);
  EXPECT_EQ((*page)[0].entity, "practice:4");
  EXPECT_EQ((*page)[1].entity, "practice:3");
  auto next = store().audit_log("", "", (*page)[1].id, 10);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->size(), 3U);
  auto transitions = store().audit_log("transition:", "", 0, 10);
  ASSERT_TRUE(transitions);
  ASSERT_EQ(transitions->size(), 2U);
  EXPECT_EQ((*transitions)[0].action, "transition:publish");
  auto one = store().audit_log("", "practice:2", 0, 10);
  ASSERT_TRUE(one);
  ASSERT_EQ(one->size(), 1U);
  EXPECT_EQ((*one)[0].at, kNow + 2);
  // '%' in a filter is a character, not a pattern.
  EXPECT_TRUE(store().audit_log("%", "", 0, 10)->empty());
  EXPECT_EQ(store().append_audit({0, kNow, std::nullopt, "cli", "", "x", ""}).error().kind,
            ErrorKind::invalid_input);
}

TEST_P(ReviewTest, ADraftKeepsItsStartAndIsForgottenAfterThirtyDays) {
  ASSERT_TRUE(store().save_draft({"old", "{}", kNow, kNow}));
  ASSERT_TRUE(store().save_draft({"d", "{\"a\":1}", kNow, kNow}));
  ASSERT_TRUE(store().save_draft({"d", "{\"a\":2}", kNow + 50, kNow + 60}));
  auto draft = store().draft("d");
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(*draft, (SubmissionDraft{"d", "{\"a\":2}", kNow, kNow + 60}));
  ASSERT_TRUE(store().save_draft({"new", "{}", kNow + 31 * 86400, kNow + 31 * 86400}));
  EXPECT_EQ(store().draft("old").error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().save_draft({"", "{}", kNow, kNow}).error().kind, ErrorKind::invalid_input);
}

TEST_P(ReviewTest, ASubmissionIsFoundByItsTokenHashAndItsDraftGoesInTheSameWrite) {
  const auto id = add_practice(PracticeStatus::submitted, "A");
  ASSERT_TRUE(store().save_draft({"draft", "{}", kNow, kNow}));
  ASSERT_TRUE(store().write([&](Writer& w) -> Status {
    if (auto s = w.add_submission({"link", id, "jan@gmina.pl", "Zgoda", kNow, kNow}); !s) return s;
    return w.delete_draft("draft");
  }));
  auto sent = store().submission("link");
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(*sent, (Submission{"link", id, "jan@gmina.pl", "Zgoda", kNow, kNow}));
  EXPECT_EQ(store().draft("draft").error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().submission("other").error().kind, ErrorKind::not_found);
  auto bad = store().write([&](Writer& w) {
    return w.add_submission({"link2", id, "not an address", "Zgoda", kNow, kNow});
  });
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_input);
}

}  // namespace
}  // namespace bdp::testing
