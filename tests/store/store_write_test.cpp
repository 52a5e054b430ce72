// Store::write: several saves in one transaction that see each other, a refused save undone
// alone, and nothing kept when the body fails.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class WriteTest : public StoreTest {};
BDP_STORE_TEST_ON_ALL_ENGINES(WriteTest);

TEST_P(WriteTest, SavesSeeEachOtherAndCommitTogether) {
  std::int64_t practice = 0;
  auto written = store().write([&](Writer& w) -> Status {
    auto section = w.save_section(sample_section("kultura", "Kultura"));
    if (!section) return std::unexpected(section.error());
    auto unit = w.save_unit(sample_unit());
    if (!unit) return std::unexpected(unit.error());
    auto saved = w.save_practice(sample_practice(*unit, {*section}));
    if (!saved) return std::unexpected(saved.error());
    practice = *saved;
    return {};
  });
  ASSERT_TRUE(written) << written.error().message;
  auto stored = store().practice(practice);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->title, "Centrum Aktywności Lokalnej");
  EXPECT_EQ(stored->contacts.size(), 2u);
  EXPECT_EQ(stored->contacts[0].phones.size(), 3u);
  auto changes = store().changes_since(0, 10);
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->size(), 3u);
}

TEST_P(WriteTest, ARefusedSaveIsUndoneAloneAndTheOthersCommit) {
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(unit);
  std::vector<Result<std::int64_t>> saves;
  auto written = store().write([&](Writer& w) -> Status {
    saves.push_back(w.save_practice(sample_practice(*unit, {}, "Pierwsza")));
    saves.push_back(w.save_practice(sample_practice(*unit, {999}, "Bez działu")));
    saves.push_back(w.save_practice(sample_practice(*unit + 100, {}, "Bez jednostki")));
    saves.push_back(w.save_practice(sample_practice(*unit, {}, "Druga")));
    return {};
  });
  ASSERT_TRUE(written) << written.error().message;
  ASSERT_EQ(saves.size(), 4u);
  ASSERT_TRUE(saves[0]);
  ASSERT_FALSE(saves[1]);
  EXPECT_EQ(saves[1].error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(saves[1].error().message, "section 999 does not exist");
  ASSERT_FALSE(saves[2]);
  EXPECT_EQ(saves[2].error().kind, ErrorKind::invalid_input);
  ASSERT_TRUE(saves[3]);
  auto all = store().all_practices();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].title, "Pierwsza");
  EXPECT_EQ((*all)[1].title, "Druga");
  auto changes = store().changes_since(0, 10);
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->size(), 3u);  // the unit and the two practices saved
}

TEST_P(WriteTest, NothingIsKeptWhenTheBodyFails) {
  auto written = store().write([&](Writer& w) -> Status {
    auto unit = w.save_unit(sample_unit());
    if (!unit) return std::unexpected(unit.error());
    return fail(ErrorKind::conflict, "changed my mind");
  });
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().message, "changed my mind");
  auto units = store().units();
  ASSERT_TRUE(units);
  EXPECT_TRUE(units->empty());
  EXPECT_EQ(store().last_change_seq(), 0);
}

}  // namespace
}  // namespace bdp::testing
