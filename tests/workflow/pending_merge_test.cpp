// Publishing a pending revision over a published text fixed since: the fix stays where the
// pending revision left the field alone, the pending revision wins where it changed it, and a
// field both changed differently is named.
#include "workflow/pending_merge.h"

#include <gtest/gtest.h>

namespace bdp::workflow {
namespace {

using Fields = std::vector<ContentField>;

const Fields kBase = {
    {"title", "Klub seniora"}, {"summary", "Spotkania raz w tygodniu."}, {"street", "Polna 1"}};

TEST(PendingMerge, AFixOfTheLiveTextInAFieldThePendingLeftAloneIsKept) {
  const Fields live = {{"title", "Klub Seniora"}, kBase[1], kBase[2]};
  const Fields pending = {kBase[0], {"summary", "Spotkania dwa razy w tygodniu."}, kBase[2]};
  const auto merged = merge_pending(kBase, live, pending);
  EXPECT_EQ(merged.fields, (Fields{{"title", "Klub Seniora"},
                                   {"summary", "Spotkania dwa razy w tygodniu."},
                                   {"street", "Polna 1"}}));
  EXPECT_EQ(merged.carried, std::vector<std::string>{"title"});
  EXPECT_TRUE(merged.overridden.empty());
}

TEST(PendingMerge, AFieldChangedInBothDifferentlyTakesThePendingValueAndIsNamed) {
  const Fields live = {kBase[0], kBase[1], {"street", "Polna 1a"}};
  const Fields pending = {kBase[0], kBase[1], {"street", "Leśna 4"}};
  const auto merged = merge_pending(kBase, live, pending);
  EXPECT_EQ(merged.fields[2], (ContentField{"street", "Leśna 4"}));
  EXPECT_EQ(merged.overridden, std::vector<std::string>{"street"});
  EXPECT_TRUE(merged.carried.empty());
}

TEST(PendingMerge, TheSameChangeOnBothSidesIsNoConflict) {
  const Fields both = {kBase[0], kBase[1], {"street", "Polna 2"}};
  const auto merged = merge_pending(kBase, both, both);
  EXPECT_EQ(merged.fields, both);
  EXPECT_TRUE(merged.overridden.empty());
  EXPECT_TRUE(merged.carried.empty());
}

TEST(PendingMerge, AListItemAddedLiveIsKeptAndOneThePendingRemovedGoes) {
  const Fields base = {kBase[0], {"contacts.0.name", "Anna Nowak"}};
  const Fields live = {kBase[0], {"contacts.0.name", "Anna Nowak"}, {"contacts.1.name", "Jan Kos"}};
  const Fields pending = {{"title", "Klub seniora w Gminie"}};
  const auto merged = merge_pending(base, live, pending);
  EXPECT_EQ(merged.fields,
            (Fields{{"title", "Klub seniora w Gminie"}, {"contacts.1.name", "Jan Kos"}}));
  EXPECT_EQ(merged.carried, std::vector<std::string>{"contacts.1.name"});
  EXPECT_TRUE(merged.overridden.empty());
}

}  // namespace
}  // namespace bdp::workflow
