#include "http/utf8.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

TEST(Utf8, AcceptsAsciiAndPolishLetters) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("/praktyki/1-x"));
  EXPECT_TRUE(is_valid_utf8("Śrem, Łódź, żółć"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
}

TEST(Utf8, RejectsStrayContinuationAndInvalidLeadBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("a\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC5"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xC3\x28"));
}

TEST(Utf8, RejectsOverlongFormsSurrogatesAndBeyondUnicode) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
}

}  // namespace
}  // namespace bdp::http
