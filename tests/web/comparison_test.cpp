// The comparison's choice: at most three ids, from a cookie the visitor may have edited or an
// address that must be right.
#include "web/comparison.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

TEST(Comparison, ACookieKeepsTheFirstThreeDistinctIdsAndDropsWhatIsNoId) {
  EXPECT_EQ(compared_in_cookie("12.40.7"), (Compared{12, 40, 7}));
  EXPECT_EQ(compared_in_cookie("12.x.12.-3.0.40.7.9"), (Compared{12, 40, 7}));
  EXPECT_EQ(compared_in_cookie(""), Compared{});
  EXPECT_EQ(compared_in_cookie("..5."), Compared{5});
  EXPECT_EQ(compared_in_cookie("99999999999999999999"), Compared{});
}

TEST(Comparison, AnAddressWithMoreThanThreeOrAWrongIdIsRefused) {
  EXPECT_EQ(compared_in_query({"3", "1", "3"}), (Compared{3, 1}));
  EXPECT_EQ(compared_in_query({}), Compared{});
  EXPECT_FALSE(compared_in_query({"1", "2", "3", "4"}));
  EXPECT_FALSE(compared_in_query({"1", "2x"}));
  EXPECT_FALSE(compared_in_query({"0"}));
  EXPECT_FALSE(compared_in_query({""}));
}

TEST(Comparison, AddingAFourthIsRefusedAndAddingOneTwiceKeepsOne) {
  Compared ids{1, 2};
  EXPECT_TRUE(add_compared(ids, 3));
  EXPECT_TRUE(add_compared(ids, 2));
  EXPECT_FALSE(add_compared(ids, 4));
  EXPECT_EQ(ids, (Compared{1, 2, 3}));
}

TEST(Comparison, TheCookieAndTheAddressNameTheIdsInOrder) {
  EXPECT_EQ(cookie_value({12, 40, 7}), "12.40.7");
  EXPECT_EQ(comparison_path({12, 40, 7}), "/porownaj?p=12&p=40&p=7");
  EXPECT_EQ(comparison_path({}), "/porownaj");
  EXPECT_EQ(compared_in_cookie(cookie_value({5, 6})), (Compared{5, 6}));
}

}  // namespace
}  // namespace bdp::web
