// Whole-database dump and load: round trip equality and atomicity.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class DatasetTest : public StoreTest {
 protected:
  // A dataset with ids set, as an export carries them; children listed before their parents.
  static Dataset sample_dataset() {
    Dataset data;
    data.sections = {sample_section("pomoc-spoleczna", "Pomoc społeczna", 10, 1),
                     sample_section("uslugi-spoleczne", "Usługi społeczne", {}, 0),
                     sample_section("dialog-spoleczny", "Dialog społeczny", {}, 6)};
    data.sections[0].id = 11;
    data.sections[1].id = 10;
    data.sections[2].id = 20;
    data.units = {sample_unit(), sample_unit("inna")};
    data.units[0].id = 3;
    data.units[1].id = 4;
    data.practices = {sample_practice(3, {11, 20}), sample_practice(4, {20}, "Druga")};
    data.practices[0].id = 1;
    data.practices[0].updated_at = "2013-06-27T10:00:00Z";
    data.practices[1].id = 600;
    data.practices[1].status = PracticeStatus::draft;
    data.practices[1].population.reset();
    return data;
  }
};
BDP_STORE_TEST_ON_ALL_ENGINES(DatasetTest);

TEST_P(DatasetTest, LoadThenDumpGivesTheSameRecords) {
  Dataset data = sample_dataset();
  auto loaded = store().load(data);
  ASSERT_TRUE(loaded) << loaded.error().message;
  auto dumped = store().dump();
  ASSERT_TRUE(dumped) << dumped.error().message;
  EXPECT_EQ(dumped->sections.size(), 3u);
  EXPECT_EQ(dumped->practices[0], data.practices[0]);  // updated_at kept from the dataset
  EXPECT_FALSE(dumped->practices[1].updated_at.empty());

  // A second store loaded from the dump dumps the same value.
  auto other = GetParam().open();
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE((*other)->store->migrate());
  ASSERT_TRUE((*other)->store->load(*dumped));
  EXPECT_EQ((*other)->store->dump(), *dumped);
}

TEST_P(DatasetTest, LoadUpsertsByIdSoLoadingTwiceChangesNothing) {
  Dataset data = sample_dataset();
  ASSERT_TRUE(store().load(data));
  auto first = store().dump();
  ASSERT_TRUE(store().load(*first));
  EXPECT_EQ(store().dump(), *first);
}

TEST_P(DatasetTest, LoadIsAtomicWhenAPracticeRefersToAMissingUnit) {
  Dataset data = sample_dataset();
  data.practices[1].unit_id = 99;
  auto loaded = store().load(data);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(loaded.error().message.find("unit 99"), std::string::npos) << loaded.error().message;
  EXPECT_EQ(store().empty(), true);
  EXPECT_EQ(store().last_change_seq(), 0);
}

TEST_P(DatasetTest, LoadRejectsSectionsWhoseParentsFormACycle) {
  Dataset data;
  data.sections = {sample_section("a", "A", 2), sample_section("b", "B", 1)};
  data.sections[0].id = 1;
  data.sections[1].id = 2;
  auto loaded = store().load(data);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(store().empty(), true);
}

TEST_P(DatasetTest, DumpOfAnEmptyStoreIsEmpty) {
  EXPECT_EQ(store().dump(), Dataset{});
}

}  // namespace
}  // namespace bdp::testing
