#include "http/http_date.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

TEST(HttpDate, FormatsImfFixdateInGmt) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(format_http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(HttpDate, IgnoresTheLocalTimeZone) {
  // Tests run with TZ=Europe/Warsaw; midsummer noon UTC must stay 12:00.
  EXPECT_EQ(format_http_date(1719835200), "Mon, 01 Jul 2024 12:00:00 GMT");
}

TEST(HttpDate, NowMatchesTheClockWithinASecond) {
  const std::time_t before = std::time(nullptr);
  const std::string now(http_date_now());
  const std::time_t after = std::time(nullptr);
  EXPECT_TRUE(now == format_http_date(before) || now == format_http_date(after)) << now;
}

}  // namespace
}  // namespace bdp::http
