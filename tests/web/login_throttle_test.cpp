#include "web/login_throttle.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

TEST(LoginThrottle, BlocksAKeyAfterMaxFailuresUntilTheWindowEnds) {
  LoginThrottle throttle(3, 600);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.retry_after("ip|anna", 1000 + i), 0);
    throttle.record_failure("ip|anna", 1000 + i);
  }
  EXPECT_EQ(throttle.retry_after("ip|anna", 1010), 590);
  EXPECT_EQ(throttle.retry_after("ip|zofia", 1010), 0) << "other keys are not affected";
  EXPECT_EQ(throttle.retry_after("ip|anna", 1599), 1);
  EXPECT_EQ(throttle.retry_after("ip|anna", 1600), 0);
  throttle.record_failure("ip|anna", 1600);
  EXPECT_EQ(throttle.retry_after("ip|anna", 1601), 0) << "a new window counts from one";
}

TEST(LoginThrottle, ASuccessfulLoginClearsTheCount) {
  LoginThrottle throttle(2, 600);
  throttle.record_failure("k", 0);
  throttle.clear("k");
  throttle.record_failure("k", 1);
  EXPECT_EQ(throttle.retry_after("k", 2), 0);
  throttle.record_failure("k", 2);
  EXPECT_GT(throttle.retry_after("k", 3), 0);
}

TEST(LoginThrottle, MemoryStaysBoundedUnderManyKeys) {
  LoginThrottle throttle(1, 600, 100);
  for (int i = 0; i < 1000; ++i) throttle.record_failure("k" + std::to_string(i), 0);
  int blocked = 0;
  for (int i = 0; i < 1000; ++i) blocked += throttle.retry_after("k" + std::to_string(i), 1) > 0;
  EXPECT_LE(blocked, 100);
  EXPECT_GT(throttle.retry_after("k999", 1), 0) << "the newest key is still counted";
}

TEST(LoginThrottle, AFullTableForgetsItsOldestKeysNotTheAttackersNewest) {
  LoginThrottle throttle(1, 600, 100);
  // 100 keys blocked at times 0..99, then 50 more: the table must make room.
  for (int i = 0; i < 150; ++i) throttle.record_failure("k" + std::to_string(i), i);
  EXPECT_GT(throttle.retry_after("k149", 150), 0);
  EXPECT_GT(throttle.retry_after("k120", 150), 0) << "a recent key survives the eviction";
  EXPECT_GT(throttle.retry_after("k99", 150), 0) << "the newer half of the full table survives";
  EXPECT_EQ(throttle.retry_after("k0", 150), 0) << "the oldest is forgotten";
}

}  // namespace
}  // namespace bdp::web
