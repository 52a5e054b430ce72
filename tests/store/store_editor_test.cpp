// Editors and their sessions, on every engine: e-mails unique case-insensitively, sessions
// found by token hash only while live, and shared by every Store on one database (every node).
#include <gtest/gtest.h>

#include "engines.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
constexpr std::int64_t kHour = 3600;

Editor anna() {
  Editor e;
  e.email = "Anna.Kowalska@Gmina.PL";
  e.display_name = "Anna Kowalska";
  e.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  e.created_at = kNow;
  return e;
}

EditorSession session_of(std::int64_t editor_id, std::string hash, std::int64_t at = kNow,
                         std::int64_t lifetime = 8 * kHour) {
  return EditorSession{std::move(hash), editor_id, at, at + lifetime, at};
}

class EditorTest : public StoreTest {
 protected:
  std::int64_t add_anna() {
    auto id = store().add_editor(anna());
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  // A second Store on the same database: what another node behind the load balancer holds.
  std::unique_ptr<Store> other_node() {
    auto other = open_store(database_url());
    EXPECT_TRUE(other) << other.error().message;
    return other ? std::move(*other) : nullptr;
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(EditorTest);

TEST_P(EditorTest, AnEditorIsStoredWithTheEmailCaseFolded) {
  const auto id = add_anna();
  auto found = store().editor_by_email("ANNA.kowalska@gmina.pl");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->email, "anna.kowalska@gmina.pl");
  EXPECT_EQ(found->display_name, "Anna Kowalska");
  EXPECT_EQ(found->password_hash, anna().password_hash);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(found->disabled);
}

TEST_P(EditorTest, TheSameEmailInAnotherCaseIsAConflict) {
  add_anna();
  Editor twin = anna();
  twin.email = " anna.KOWALSKA@gmina.pl ";
  EXPECT_EQ(store().add_editor(twin).error().kind, ErrorKind::conflict);
  Editor polish = anna();
  polish.email = "ŁUCJA@gmina.pl";
  ASSERT_TRUE(store().add_editor(polish));
  polish.email = "łucja@GMINA.pl";
  EXPECT_EQ(store().add_editor(polish).error().kind, ErrorKind::conflict);
  EXPECT_EQ(store().editors()->size(), 2u);
}

TEST_P(EditorTest, BadEditorsAreInvalidInput) {
  for (const char* email :
       {"", "anna", "@gmina.pl", "anna@", "an na@gmina.pl", "a\x01@b.pl", "\xff\xfe@gmina.pl"}) {
    Editor e = anna();
    e.email = email;
    EXPECT_EQ(store().add_editor(e).error().kind, ErrorKind::invalid_input) << email;
  }
  Editor nameless = anna();
  nameless.display_name = "  ";
  EXPECT_EQ(store().add_editor(nameless).error().kind, ErrorKind::invalid_input);
  Editor no_hash = anna();
  no_hash.password_hash.clear();
  EXPECT_EQ(store().add_editor(no_hash).error().kind, ErrorKind::invalid_input);
  EXPECT_TRUE(store().editors()->empty());
}

TEST_P(EditorTest, EditorsAreListedByEmail) {
  Editor b = anna();
  b.email = "zofia@gmina.pl";
  ASSERT_TRUE(store().add_editor(b));
  add_anna();
  auto list = store().editors();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].email, "anna.kowalska@gmina.pl");
  EXPECT_EQ((*list)[1].email, "zofia@gmina.pl");
}

TEST_P(EditorTest, ALiveSessionNamesItsEditor) {
  const auto id = add_anna();
  ASSERT_TRUE(store().create_session(session_of(id, "hash-1")));
  auto editor = store().session_editor("hash-1", kNow + 10);
  ASSERT_TRUE(editor) << editor.error().message;
  EXPECT_EQ(editor->id, id);
  EXPECT_EQ(store().session_editor("hash-2", kNow).error().kind, ErrorKind::not_found);
}

TEST_P(EditorTest, AnExpiredSessionIsIgnoredAndPruned) {
  const auto id = add_anna();
  ASSERT_TRUE(store().create_session(session_of(id, "short", kNow, kHour)));
  ASSERT_TRUE(store().create_session(session_of(id, "long", kNow, 10 * kHour)));
  EXPECT_TRUE(store().session_editor("short", kNow + kHour - 1));
  EXPECT_EQ(store().session_editor("short", kNow + kHour).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().prune_sessions(kNow + kHour), 1);
  EXPECT_EQ(store().prune_sessions(kNow + kHour), 0);
  EXPECT_TRUE(store().session_editor("long", kNow + kHour));
  // Logging in prunes too: the table does not grow with abandoned sessions.
  ASSERT_TRUE(store().create_session(session_of(id, "next", kNow + 11 * kHour)));
  EXPECT_EQ(store().prune_sessions(kNow + 11 * kHour), 0);
}

TEST_P(EditorTest, ASessionCreatedOnOneNodeIsValidOnAnother) {
  const auto id = add_anna();
  auto node_b = other_node();
  ASSERT_TRUE(node_b);
  ASSERT_TRUE(store().create_session(session_of(id, "shared")));
  auto editor = node_b->session_editor("shared", kNow + 60);
  ASSERT_TRUE(editor) << editor.error().message;
  EXPECT_EQ(editor->display_name, "Anna Kowalska");
}

TEST_P(EditorTest, LogoutOnOneNodeEndsTheSessionOnTheOther) {
  const auto id = add_anna();
  auto node_b = other_node();
  ASSERT_TRUE(node_b);
  ASSERT_TRUE(store().create_session(session_of(id, "shared")));
  ASSERT_TRUE(store().session_editor("shared", kNow + 1));
  ASSERT_TRUE(node_b->delete_session("shared"));
  EXPECT_EQ(store().session_editor("shared", kNow + 2).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(node_b->delete_session("shared")) << "deleting twice is not an error";
}

TEST_P(EditorTest, ExpiryIsHonouredOnEveryNode) {
  const auto id = add_anna();
  auto node_b = other_node();
  ASSERT_TRUE(node_b);
  ASSERT_TRUE(store().create_session(session_of(id, "s", kNow, kHour)));
  EXPECT_TRUE(node_b->session_editor("s", kNow + kHour - 1));
  EXPECT_EQ(node_b->session_editor("s", kNow + kHour).error().kind, ErrorKind::not_found);
}

TEST_P(EditorTest, DisablingAnEditorEndsTheirSessionsAndBarsNewOnes) {
  const auto id = add_anna();
  ASSERT_TRUE(store().create_session(session_of(id, "s")));
  ASSERT_TRUE(store().set_editor_disabled("anna.kowalska@GMINA.pl", true));
  EXPECT_TRUE(store().editor_by_email("anna.kowalska@gmina.pl")->disabled);
  EXPECT_EQ(store().session_editor("s", kNow + 1).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().create_session(session_of(id, "t")).error().kind, ErrorKind::not_found);
  ASSERT_TRUE(store().set_editor_disabled("anna.kowalska@gmina.pl", false));
  EXPECT_EQ(store().session_editor("s", kNow + 1).error().kind, ErrorKind::not_found)
      << "re-enabling does not bring old sessions back";
  EXPECT_TRUE(store().create_session(session_of(id, "t")));
  EXPECT_EQ(store().set_editor_disabled("nobody@gmina.pl", true).error().kind,
            ErrorKind::not_found);
}

TEST_P(EditorTest, BadSessionsAreRefused) {
  const auto id = add_anna();
  EXPECT_EQ(store().create_session(session_of(id, "")).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().create_session(session_of(id, "x", kNow, 0)).error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(store().create_session(session_of(id + 1, "x")).error().kind, ErrorKind::not_found);
  ASSERT_TRUE(store().create_session(session_of(id, "x")));
  EXPECT_EQ(store().create_session(session_of(id, "x")).error().kind, ErrorKind::conflict);
}

TEST_P(EditorTest, EditorsAreNotContentAndStayOutOfTheChangeLogAndTheDump) {
  const auto before = store().last_change_seq();
  const auto id = add_anna();
  ASSERT_TRUE(store().create_session(session_of(id, "s")));
  EXPECT_EQ(store().last_change_seq().value_or(-1), before.value_or(-2));
  EXPECT_TRUE(store().empty().value_or(false));
}

}  // namespace
}  // namespace bdp::testing
