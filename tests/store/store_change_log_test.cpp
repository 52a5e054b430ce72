// The change log: every write appends, in order, in the same transaction as the write.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class ChangeLogTest : public StoreTest {};
BDP_STORE_TEST_ON_ALL_ENGINES(ChangeLogTest);

struct Entry {
  EntityKind kind;
  std::int64_t id;
  bool deleted;
  bool operator==(const Entry&) const = default;
};

std::vector<Entry> entries(const std::vector<Change>& changes) {
  std::vector<Entry> out;
  for (const auto& c : changes) out.push_back({c.kind, c.id, c.deleted});
  return out;
}

TEST_P(ChangeLogTest, EveryWriteAppendsItsKindAndIdInOrder) {
  EXPECT_EQ(store().last_change_seq(), 0);
  auto section = store().save_section(sample_section("kultura", "Kultura"));
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(section && unit);
  auto practice = store().save_practice(sample_practice(*unit, {*section}));
  ASSERT_TRUE(practice);
  ASSERT_TRUE(store().save_practice(sample_practice(*unit, {*section}, "Druga")));
  ASSERT_TRUE(store().delete_practice(*practice));
  ASSERT_TRUE(store().set_visitor_base(100));

  auto changes = store().changes_since(0, 100);
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 6u);
  auto got = entries(*changes);
  EXPECT_EQ(got[0], (Entry{EntityKind::section, *section, false}));
  EXPECT_EQ(got[1], (Entry{EntityKind::unit, *unit, false}));
  EXPECT_EQ(got[2], (Entry{EntityKind::practice, *practice, false}));
  EXPECT_EQ(got[3].kind, EntityKind::practice);
  EXPECT_EQ(got[4], (Entry{EntityKind::practice, *practice, true}));
  EXPECT_EQ(got[5].kind, EntityKind::setting);
  for (std::size_t i = 1; i < changes->size(); ++i) {
    EXPECT_GT((*changes)[i].seq, (*changes)[i - 1].seq);
  }
  EXPECT_EQ(store().last_change_seq(), changes->back().seq);
}

TEST_P(ChangeLogTest, ChangesSinceReadsOnFromASeqWithALimit) {
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(unit);
  for (int i = 0; i < 5; ++i) {
    Unit u = sample_unit();
    u.id = *unit;
    u.name = "Śrem " + std::to_string(i);
    ASSERT_TRUE(store().save_unit(u));
  }
  auto first = store().changes_since(0, 2);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 2u);
  auto rest = store().changes_since(first->back().seq, 100);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->size(), 4u);
  EXPECT_GT(rest->front().seq, first->back().seq);
  EXPECT_EQ(store().changes_since(rest->back().seq, 100)->size(), 0u);
  EXPECT_EQ(store().changes_since(0, 0).error().kind, ErrorKind::invalid_input);
}

TEST_P(ChangeLogTest, AFailedWriteLeavesNoEntry) {
  auto before = store().last_change_seq();
  ASSERT_TRUE(before);
  EXPECT_FALSE(store().save_practice(sample_practice(12345, {})));
  ASSERT_TRUE(store().save_unit(sample_unit()));
  EXPECT_FALSE(store().save_unit(sample_unit()));  // duplicate slug
  auto changes = store().changes_since(*before, 100);
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->size(), 1u);
}

TEST_P(ChangeLogTest, SeqKeepsGrowingUnderConcurrentWriters) {
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(unit);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        Practice p = sample_practice(*unit, {}, "T" + std::to_string(t) + "-" + std::to_string(i));
        EXPECT_TRUE(store().save_practice(p));
      }
    });
  }
  for (auto& t : threads) t.join();
  auto changes = store().changes_since(0, 1000);
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->size(), 81u);
  std::set<std::int64_t> practice_ids;
  for (const auto& c : *changes) {
    if (c.kind == EntityKind::practice) practice_ids.insert(c.id);
  }
  EXPECT_EQ(practice_ids.size(), 80u);
}

TEST_P(ChangeLogTest, APracticeChangeNamesItsUnitsAndSectionsBeforeAndAfter) {
  auto kultura = store().save_section(sample_section("kultura", "Kultura"));
  auto sport = store().save_section(sample_section("sport", "Sport"));
  auto first = store().save_unit(sample_unit());
  auto second = store().save_unit(sample_unit("inna-gmina"));
  ASSERT_TRUE(kultura && sport && first && second);
  auto practice = store().save_practice(sample_practice(*first, {*kultura}));
  ASSERT_TRUE(practice) << practice.error().message;
  auto moved = store().practice(*practice);
  ASSERT_TRUE(moved);
  moved->unit_id = *second;
  moved->section_ids = {*sport};
  ASSERT_TRUE(store().save_practice(*moved));
  ASSERT_TRUE(store().delete_practice(*practice));

  auto changes = store().changes_since(0, 100);
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 7u);
  EXPECT_EQ((*changes)[4].related,
            (std::vector<EntityRef>{{EntityKind::unit, *first}, {EntityKind::section, *kultura}}));
  // Moved to another unit and section: both the old and the new ones are named.
  EXPECT_EQ((*changes)[5].related,
            (std::vector<EntityRef>{{EntityKind::unit, *second},
                                    {EntityKind::unit, *first},
                                    {EntityKind::section, std::min(*kultura, *sport)},
                                    {EntityKind::section, std::max(*kultura, *sport)}}));
  EXPECT_TRUE((*changes)[6].deleted);
  EXPECT_EQ((*changes)[6].related,
            (std::vector<EntityRef>{{EntityKind::unit, *second}, {EntityKind::section, *sport}}));
  EXPECT_TRUE((*changes)[2].related.empty());  // a unit names nothing else
}

TEST_P(ChangeLogTest, ASectionChangeNamesThePracticesFiledUnderIt) {
  auto parent = store().save_section(sample_section("uslugi", "Usługi społeczne"));
  ASSERT_TRUE(parent);
  Section child = sample_section("kultura", "Kultura");
  child.parent_id = *parent;
  auto kultura = store().save_section(child);
  auto elsewhere = store().save_section(sample_section("sport", "Sport"));
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(kultura && elsewhere && unit);
  auto in_child = store().save_practice(sample_practice(*unit, {*kultura}));
  auto outside = store().save_practice(sample_practice(*unit, {*elsewhere}, "Inna"));
  ASSERT_TRUE(in_child && outside);
  const auto before = store().last_change_seq();
  ASSERT_TRUE(before);
  Section renamed = sample_section("uslugi", "Usługi dla mieszkańców");
  renamed.id = *parent;
  ASSERT_TRUE(store().save_section(renamed));

  auto changes = store().changes_since(*before, 10);
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(changes->front().related, (std::vector<EntityRef>{{EntityKind::practice, *in_child}}));
}

}  // namespace
}  // namespace bdp::testing
