#include "extract/extraction_frame.h"

#include <gtest/gtest.h>

namespace bdp::extract {
namespace {

Extraction sample() {
  return Extraction{TextStatus::ok,
                    {{1, "Strona pierwsza\nz dwoma wierszami"}, {3, "Żółć 3 4\n"}},
                    std::string("\x89PNG\r\n\x1a\n\0\0END\n", 15)};
}

TEST(ExtractionFrame, RoundTrips) {
  const auto decoded = decode_extraction(encode_extraction(sample()));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->status, TextStatus::ok);
  ASSERT_EQ(decoded->pages.size(), 2u);
  EXPECT_EQ(decoded->pages[1].page, 3);
  EXPECT_EQ(decoded->pages[1].text, "Żółć 3 4\n");
  EXPECT_EQ(decoded->thumbnail_png, sample().thumbnail_png);
  const auto empty = decode_extraction(encode_extraction(Extraction{TextStatus::no_text, {}, {}}));
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, TextStatus::no_text);
}

TEST(ExtractionFrame, RefusesMalformedFrames) {
  const std::string frame = encode_extraction(sample());
  for (std::size_t cut = 0; cut < frame.size(); ++cut) {
    EXPECT_FALSE(decode_extraction(frame.substr(0, cut))) << cut;
  }
  EXPECT_FALSE(decode_extraction(frame + "x"));
  EXPECT_FALSE(decode_extraction("BDPX1 fine 0 0\nEND\n"));
  EXPECT_FALSE(decode_extraction("BDPX1 ok 1 0\n1 2\n\xff\xfe\nEND\n"));
  EXPECT_FALSE(decode_extraction("BDPX1 ok 99999999999999999999 0\nEND\n"));
  EXPECT_FALSE(decode_extraction("BDPX1 ok 2 0\n1 1\na\nEND\n", 1));
  EXPECT_FALSE(decode_extraction("BDPX1 ok 1 0\n01 1\na\nEND\n"));  // one spelling only
  EXPECT_TRUE(decode_extraction("BDPX1 ok 1 0\n0 1\na\nEND\n"));
}

}  // namespace
}  // namespace bdp::extract
