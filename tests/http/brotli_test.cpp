#include "http/brotli.h"

#include <gtest/gtest.h>

#include "unbrotli.h"

namespace bdp::http {
namespace {

const std::string kText = [] {
  std::string s;
  while (s.size() < 20000) s += "<p>Opis sytuacji przed wdrożeniem: pomoc społeczna w Śremie</p>\n";
  return s;
}();

TEST(Brotli, RoundTripsAtEveryQualityItIsUsedAt) {
  for (int quality : {kBrotliOftenQuality, kBrotliOnceQuality}) {
    const auto br = brotli_compress(kText, quality);
    ASSERT_TRUE(br) << br.error().message;
    EXPECT_EQ(testing::unbrotli(*br), kText) << quality;
    EXPECT_LT(br->size(), kText.size() / 20) << quality;
  }
}

TEST(Brotli, EmptyAndOutOfRangeQualityStillGiveAValidStream) {
  const auto empty = brotli_compress("", kBrotliOnceQuality);
  ASSERT_TRUE(empty);
  EXPECT_EQ(testing::unbrotli(*empty), "");
  for (int quality : {-3, 40}) {
    const auto br = brotli_compress("abc", quality);
    ASSERT_TRUE(br);
    EXPECT_EQ(testing::unbrotli(*br), "abc");
  }
}

}  // namespace
}  // namespace bdp::http
