// The operational state (visitor counter, editors) read from one database and loaded into
// another, as migrate-db does: from every engine into every engine (SQLite into PostgreSQL and
// back when BDP_TEST_POSTGRES_URL is set).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engines.h"

namespace bdp::testing {
namespace {

constexpr const char* kToday = "2026-11-23";
constexpr const char* kYesterday = "2026-11-22";
constexpr const char* kHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";

Editor editor(std::string email, std::string name) {
  return Editor{0, std::move(email), std::move(name), kHash, 1'800'000'000, false};
}

class OperationalStateTest : public StoreTest {
 protected:
  // A source with every part of the state filled in.
  void fill_source() {
    ASSERT_TRUE(store().set_visitor_base(1756567));
    ASSERT_TRUE(store().record_visits(kYesterday, {"early"}));
    ASSERT_TRUE(store().record_visits(kToday, {"seen-today"}));
    ASSERT_TRUE(store().record_visits(kToday, {"also-today"}));
    ASSERT_TRUE(store().daily_salt(kToday));
    ASSERT_TRUE(store().add_editor(editor("zofia@gmina.pl", "Zofia Nowak")));
    ASSERT_TRUE(store().add_editor(editor("Anna@Gmina.PL", "Anna Kowalska")));
    ASSERT_TRUE(store().set_editor_disabled("zofia@gmina.pl", true));
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(OperationalStateTest);

TEST_P(OperationalStateTest, RoundTripKeepsEveryField) {
  fill_source();
  auto state = store().operational_state();
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->visitor_base, 1756567);
  EXPECT_EQ(state->visitor_days_counted, 3);
  EXPECT_EQ(state->recent_visitors.size(), 3u);
  ASSERT_EQ(state->daily_salts.size(), 1u);
  EXPECT_EQ(state->daily_salts[0].salt.size(), 32u);
  ASSERT_EQ(state->editors.size(), 2u);
  EXPECT_LT(state->editors[0].id, state->editors[1].id);

  ASSERT_TRUE(target().load_operational_state(*state));
  auto loaded = target().operational_state();
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, *state);
  EXPECT_EQ(target().visitor_totals()->total, store().visitor_totals()->total);
  EXPECT_EQ(*target().daily_salt(kToday), *store().daily_salt(kToday));
  EXPECT_TRUE(target().editor_by_email("zofia@gmina.pl")->disabled);
}

TEST_P(OperationalStateTest, AVisitorCountedTodayIsNotCountedAgainAfterLoading) {
  fill_source();
  ASSERT_TRUE(target().load_operational_state(*store().operational_state()));
  const std::int64_t total = store().visitor_totals()->total;
  EXPECT_EQ(target().visitor_totals()->total, total);
  EXPECT_EQ(target().record_visits(kToday, {"seen-today"})->total, total);
  EXPECT_EQ(target().record_visits(kToday, {"new-today"})->total, total + 1);
}

TEST_P(OperationalStateTest, LoadingReplacesTheTargetsEditorsAndEndsItsSessions) {
  fill_source();
  auto own = target().add_editor(editor("stary@gmina.pl", "Stary Redaktor"));
  ASSERT_TRUE(own);
  ASSERT_TRUE(target().create_session({"token-hash", *own, 1'800'000'000, 1'800'003'600, 0}));
  ASSERT_TRUE(target().load_operational_state(*store().operational_state()));

  EXPECT_EQ(target().editor_by_email("stary@gmina.pl").error().kind, ErrorKind::not_found);
  EXPECT_EQ(target().session_editor("token-hash", 1'800'000'060).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(target().editors()->size(), 2u);
  // Ids were kept, so a new editor must get a fresh one.
  auto added = target().add_editor(editor("nowy@gmina.pl", "Nowy Redaktor"));
  ASSERT_TRUE(added) << added.error().message;
  auto copied = store().editors();
  ASSERT_TRUE(copied);
  for (const auto& e : *copied) EXPECT_GT(*added, e.id);
}

TEST_P(OperationalStateTest, AnInvalidStateWritesNothing) {
  ASSERT_TRUE(target().set_visitor_base(5));
  fill_source();
  auto state = store().operational_state();
  ASSERT_TRUE(state);
  state->editors.back().password_hash.clear();
  EXPECT_EQ(target().load_operational_state(*state).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(target().visitor_totals()->total, 5);
  EXPECT_TRUE(target().editors()->empty());
}

TEST_P(OperationalStateTest, DuplicateEditorEmailsAreAConflictAndWriteNothing) {
  fill_source();
  auto state = store().operational_state();
  ASSERT_TRUE(state);
  state->editors.push_back(state->editors.front());
  state->editors.back().id = 99;
  EXPECT_EQ(target().load_operational_state(*state).error().kind, ErrorKind::conflict);
  EXPECT_EQ(target().visitor_totals()->total, 0);
}

}  // namespace
}  // namespace bdp::testing
