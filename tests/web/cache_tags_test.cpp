#include "web/cache_tags.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace bdp::web {
namespace {

using Tags = std::vector<std::string>;

Tags sorted(Tags tags) {
  std::sort(tags.begin(), tags.end());
  return tags;
}

TEST(CacheTags, APracticeChangeNamesItsPagesItsListingsBeforeAndAfterAndHome) {
  const Change moved{7,
                     EntityKind::practice,
                     5,
                     false,
                     {{EntityKind::unit, 1},
                      {EntityKind::unit, 2},
                      {EntityKind::section, 3},
                      {EntityKind::section, 11}}};
  EXPECT_EQ(sorted(*stale_tags(moved)),
            sorted({"practice:5", "home", "unit-practices:1", "unit-practices:2",
                    "section-practices:3", "section-practices:11"}));
}

TEST(CacheTags, AUnitChangeNamesThePagesShowingItsData) {
  EXPECT_EQ(*stale_tags({1, EntityKind::unit, 4, false, {}}), Tags{"unit:4"});
}

TEST(CacheTags, AnAdoptionChangeNamesThePagesOfThePracticesItLinks) {
  const Change adopted{
      9,
      EntityKind::adoption,
      3,
      false,
      {{EntityKind::practice, 5}, {EntityKind::practice, 8}, {EntityKind::unit, 2}}};
  EXPECT_EQ(sorted(*stale_tags(adopted)), sorted({"practice:5", "practice:8"}));
}

TEST(CacheTags, SectionSettingAndUnrelatedPracticeChangesMakeEveryPageStale) {
  EXPECT_FALSE(stale_tags({1, EntityKind::section, 3, false, {{EntityKind::practice, 5}}}));
  EXPECT_FALSE(stale_tags({1, EntityKind::setting, 0, false, {}}));
  // A store that does not name related entities: the practice's old sections are unknown.
  EXPECT_FALSE(stale_tags({1, EntityKind::practice, 5, false, {}}));
}

TEST(CacheTags, ASectionListingCarriesItsSubsections) {
  SectionTree tree({{1, std::nullopt, "a", "A", 1, ""},
                    {2, 1, "b", "B", 1, ""},
                    {3, 2, "c", "C", 1, ""},
                    {4, std::nullopt, "d", "D", 2, ""}});
  EXPECT_EQ(sorted(listing_tags(tree, 1)),
            sorted({"section-practices:1", "section-practices:2", "section-practices:3"}));
  EXPECT_EQ(listing_tags(tree, 4), Tags{"section-practices:4"});
}

}  // namespace
}  // namespace bdp::web
