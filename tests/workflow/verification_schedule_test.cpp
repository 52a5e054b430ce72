// When a published practice's data falls due for verification.
#include "workflow/verification_schedule.h"

#include <gtest/gtest.h>

namespace bdp::workflow {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kYear = 31556952;  // 12 months of the schedule
// 2025-01-01T00:00:00Z
constexpr std::int64_t kNewYear2025 = 1735689600;

VerificationItem item(std::int64_t id, std::string updated_at, std::int64_t content,
                      std::int64_t contacts) {
  return {id, "Praktyka", "Gmina", std::move(updated_at), {id, content, contacts, 0, ""}};
}

TEST(UnixOfIso, ReadsStoreTimestampsAndDatesAsUtc) {
  EXPECT_EQ(unix_of_iso("2025-01-01T00:00:00Z"), kNewYear2025);
  EXPECT_EQ(unix_of_iso("2025-01-01T01:02:03Z"), kNewYear2025 + 3723);
  EXPECT_EQ(unix_of_iso("2025-01-01"), kNewYear2025);
  EXPECT_EQ(unix_of_iso("2024-02-29T00:00:00Z"), kNewYear2025 - 307 * kDay);
}

TEST(UnixOfIso, RefusesWhatIsNotADate) {
  EXPECT_EQ(unix_of_iso(""), std::nullopt);
  EXPECT_EQ(unix_of_iso("2025-13-01"), std::nullopt);
  EXPECT_EQ(unix_of_iso("2025-02-30"), std::nullopt);
  EXPECT_EQ(unix_of_iso("2025/01/01"), std::nullopt);
  EXPECT_EQ(unix_of_iso("20x5-01-01"), std::nullopt);
}

TEST(VerifiedSince, TheOlderDateDecidesAndANeverConfirmedOneCountsFromTheLastChange) {
  EXPECT_EQ(verified_since(item(1, "2025-01-01T00:00:00Z", 0, 0)), kNewYear2025);
  EXPECT_EQ(verified_since(item(1, "2025-01-01T00:00:00Z", kNewYear2025 + 10, kNewYear2025 + 20)),
            kNewYear2025 + 10);
  // Contacts never confirmed: they count from the change, older than the content's date.
  EXPECT_EQ(verified_since(item(1, "2025-01-01T00:00:00Z", kNewYear2025 + 10, 0)), kNewYear2025);
}

TEST(VerificationState, DueAfterTheIntervalLongOverdueAfterTwice) {
  const auto i = item(1, "", kNewYear2025, kNewYear2025);
  EXPECT_EQ(verification_state(i, kNewYear2025 + kYear - 1, 12), VerificationState::current);
  EXPECT_EQ(verification_state(i, kNewYear2025 + kYear, 12), VerificationState::due);
  EXPECT_EQ(verification_state(i, kNewYear2025 + 2 * kYear - 1, 12), VerificationState::due);
  EXPECT_EQ(verification_state(i, kNewYear2025 + 2 * kYear, 12), VerificationState::long_overdue);
  EXPECT_EQ(verification_state(i, kNewYear2025 + kYear / 2, 6), VerificationState::due);
}

TEST(VerificationState, APracticeWithNoDateAtAllIsNotFlagged) {
  EXPECT_EQ(verification_state(item(1, "", 0, 0), kNewYear2025, 12), VerificationState::current);
}

TEST(Overdue, ListsOnlyDueItemsTheLongestUnverifiedFirst) {
  const std::int64_t now = kNewYear2025 + 3 * kYear;
  auto list = overdue({item(1, "", now - kDay, now - kDay),                      // current
                       item(2, "", kNewYear2025 + kYear, kNewYear2025 + kYear),  // due
                       item(3, "2025-01-01T00:00:00Z", 0, 0),                    // long overdue
                       item(4, "", kNewYear2025, kNewYear2025)},                 // as old as 3
                      now, 12);
  ASSERT_EQ(list.size(), 3U);
  EXPECT_EQ(list[0].practice_id, 3);
  EXPECT_EQ(list[1].practice_id, 4);
  EXPECT_EQ(list[2].practice_id, 2);
}

}  // namespace
}  // namespace bdp::workflow
