#include "http/gzip.h"

#include <gtest/gtest.h>

#include <thread>

#include "gunzip.h"

namespace bdp::http {
namespace {

std::string sample_html(std::size_t n) {
  std::string s;
  while (s.size() < n) s += "<p>Praktyka: Centrum Aktywności Lokalnej w Śremie</p>\n";
  return s;
}

TEST(Gzip, RoundTripsThroughInflate) {
  const std::string html = sample_html(20000);
  const auto gz = gzip_compress(html);
  ASSERT_TRUE(gz);
  EXPECT_LT(gz->size(), html.size() / 5);
  EXPECT_EQ(static_cast<unsigned char>((*gz)[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>((*gz)[1]), 0x8b);
  EXPECT_EQ(testing::gunzip(*gz), html);
}

TEST(Gzip, CompressesEmptyAndBinaryInput) {
  EXPECT_EQ(testing::gunzip(gzip_compress("").value()), "");
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary.push_back(static_cast<char>((i * 7919) % 256));
  EXPECT_EQ(testing::gunzip(gzip_compress(binary).value()), binary);
}

TEST(Gzip, ReusedStreamGivesIndependentOutputs) {
  const auto first = gzip_compress(sample_html(3000)).value();
  const auto second = gzip_compress("short").value();
  const auto again = gzip_compress(sample_html(3000)).value();
  EXPECT_EQ(first, again);
  EXPECT_EQ(testing::gunzip(second), "short");
}

TEST(Gzip, WorksFromSeveralThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string text = sample_html(1000 + 100 * t + i);
        if (testing::gunzip(gzip_compress(text).value()) != text) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace bdp::http
