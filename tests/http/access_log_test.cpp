#include "http/access_log.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

TEST(AccessLog, FormatsOneKeyValueLine) {
  const std::string line =
      format_access_log({"127.0.0.1", "GET", "/praktyki/1-x", 200, 5120, 42, "curl/8.0"});
  EXPECT_EQ(line,
            "remote=127.0.0.1 method=GET path=\"/praktyki/1-x\" status=200 bytes=5120 "
            "duration_us=42 ua=\"curl/8.0\"");
}

TEST(AccessLog, EscapesQuotesControlsAndNonAscii) {
  std::string out;
  append_log_quoted(out, "a\"b\\c\nd\x01ś", 100);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\x0Ad\\x01\\xC5\\x9B\"");
}

TEST(AccessLog, ClientCannotForgeALine) {
  const std::string line =
      format_access_log({"1.2.3.4", "GET", "/\nremote=evil", 200, 0, 1, "x\" status=500"});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("ua=\"x\\\" status=500\""), std::string::npos);
}

TEST(AccessLog, TruncatesLongUserAgents) {
  const std::string ua(5000, 'a');
  const std::string line = format_access_log({"1.2.3.4", "GET", "/", 200, 0, 1, ua});
  EXPECT_NE(line.find("ua=\"" + std::string(kMaxLoggedUserAgent, 'a') + "...\""),
            std::string::npos);
  EXPECT_LT(line.size(), 400u);
}

}  // namespace
}  // namespace bdp::http
