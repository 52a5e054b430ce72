// Settings (the portal's branding, saved by editors), on every engine: unset reads not_found; a
// save is read back and appends a change of kind setting; a bad key or value writes nothing;
// the visitor base is not one of them; settings travel with the operational state.
#include <gtest/gtest.h>

#include "engines.h"

namespace bdp::testing {
namespace {

class SettingTest : public StoreTest {
 protected:
  Status save(const std::string& key, const std::string& value) {
    return store().write([&](Writer& w) { return w.save_setting(key, value); });
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(SettingTest);

TEST_P(SettingTest, ASavedSettingReadsBackAndIsAChange) {
  EXPECT_EQ(store().setting("branding").error().kind, ErrorKind::not_found);
  const auto seq = store().last_change_seq().value_or(-1);
  ASSERT_TRUE(save("branding", R"({"programme_header":"Program „Lider”"})"));
  EXPECT_EQ(store().setting("branding"), R"({"programme_header":"Program „Lider”"})");
  auto changes = store().changes_since(seq, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(changes->front().kind, EntityKind::setting);
  ASSERT_TRUE(save("branding", "{}"));
  EXPECT_EQ(store().setting("branding"), "{}");
}

TEST_P(SettingTest, ABadKeyOrValueWritesNothing) {
  const auto seq = store().last_change_seq().value_or(-1);
  EXPECT_EQ(save("", "x").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(save("Branding; DROP", "x").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(save("visitor_base", "5").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(save("branding", std::string("a\0b", 3)).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(save("branding", "\xff\xfe").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(save("branding", std::string(64 * 1024 + 1, 'a')).error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(store().setting("branding").error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().last_change_seq().value_or(-2), seq);
}

TEST_P(SettingTest, SettingsTravelWithTheOperationalStateButNotTheVisitorBase) {
  ASSERT_TRUE(store().set_visitor_base(77));
  ASSERT_TRUE(save("branding", R"({"funding_note":"UE"})"));
  auto state = store().operational_state();
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->settings,
            (std::map<std::string, std::string>{{"branding", R"({"funding_note":"UE"})"}}));
  ASSERT_TRUE(target().load_operational_state(*state));
  EXPECT_EQ(target().setting("branding"), R"({"funding_note":"UE"})");
  EXPECT_EQ(target().visitor_totals()->total, 77);
}

}  // namespace
}  // namespace bdp::testing
