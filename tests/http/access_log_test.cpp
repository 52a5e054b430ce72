#include "http/access_log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

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

namespace bdp::http {
namespace {

std::string written_by_writer(const std::function<void(AccessLogWriter&)>& use) {
  char path[] = "/tmp/bdp-access-writer-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  {
    AccessLogWriter writer(fd);
    use(writer);
  }  // the destructor writes what is pending
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  ::close(fd);
  std::remove(path);
  return text.str();
}

TEST(AccessLogWriter, WritesEveryLineOfEveryThreadWithItsTime) {
  constexpr int kThreads = 4, kLines = 5000;
  const std::string log = written_by_writer([](AccessLogWriter& writer) {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&writer, t] {
        const std::string remote = "10.0.0." + std::to_string(t);
        for (int i = 0; i < kLines; ++i) writer.append({remote, "GET", "/", 200, 10, i, "ua"});
      });
    }
    for (auto& t : threads) t.join();
  });
  std::istringstream lines(log);
  std::string line;
  int count = 0;
  std::map<std::string, int> per_remote;
  static const std::regex shape(
      R"(time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4} remote=(\S+) method=GET path="/" )"
      R"(status=200 bytes=10 duration_us=\d+ ua="ua")");
  while (std::getline(lines, line)) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, shape)) << line;
    ++per_remote[m[1].str()];
    ++count;
  }
  EXPECT_EQ(count, kThreads * kLines);
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(per_remote["10.0.0." + std::to_string(t)], kLines);
}

TEST(AccessLogWriter, ALineWaitsAtMostTheFlushInterval) {
  char path[] = "/tmp/bdp-access-writer-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  AccessLogWriter writer(fd);
  writer.append({"1.2.3.4", "GET", "/x", 200, 0, 1, "-"});
  std::this_thread::sleep_for(AccessLogWriter::kFlushInterval * 3);
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_NE(line.find("path=\"/x\""), std::string::npos) << line;
  ::close(fd);
  std::remove(path);
}

}  // namespace
}  // namespace bdp::http
