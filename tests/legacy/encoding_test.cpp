#include "legacy/encoding.h"

#include <gtest/gtest.h>

namespace bdp::legacy {
namespace {

// "Pomoc społeczna w Śremie, źródła" in each encoding.
const std::string utf8 =
    "Pomoc spo\xC5\x82\x65\x63zna w \xC5\x9Aremie, \xC5\xBAr\xC3\xB3\x64\xC5\x82\x61";
const std::string cp1250 = "Pomoc spo\xB3\x65\x63zna w \x8Cremie, \x9Fr\xF3\x64\xB3\x61";
const std::string latin2 = "Pomoc spo\xB3\x65\x63zna w \xA6remie, \xBCr\xF3\x64\xB3\x61";

TEST(Encoding, DetectsWindows1250WithoutADeclaration) {
  const auto decoded = to_utf8(cp1250 + " " + cp1250);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->encoding, "windows-1250");
  EXPECT_EQ(decoded->utf8, utf8 + " " + utf8);
}

TEST(Encoding, DetectsIso88592WithoutADeclaration) {
  const auto decoded = to_utf8(latin2 + " " + latin2);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->encoding, "ISO-8859-2");
  EXPECT_EQ(decoded->utf8, utf8 + " " + utf8);
}

TEST(Encoding, HonoursTheDeclaredCharset) {
  const auto decoded = to_utf8(latin2, "iso-8859-2");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->utf8, utf8);
  EXPECT_TRUE(decoded->notes.empty());
}

TEST(Encoding, TrustsUtf8BytesOverAWrongDeclaration) {
  const auto decoded = to_utf8("\xEF\xBB\xBF" + utf8, "windows-1250");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->utf8, utf8);
  ASSERT_EQ(decoded->notes.size(), 1u);
}

TEST(Encoding, DistrustsADeclaredLatin1OnPolishText) {
  const auto decoded = to_utf8(cp1250, "iso-8859-1");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->utf8, utf8);
  EXPECT_EQ(decoded->notes.size(), 1u);
}

TEST(Encoding, FindsTheCharsetInEitherMetaForm) {
  EXPECT_EQ(declared_charset("<meta charset=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(declared_charset("<META HTTP-EQUIV=Content-Type CONTENT='text/html; "
                             "charset=windows-1250'>"),
            "windows-1250");
  EXPECT_EQ(declared_charset("<p>charset is a word</p>"), "");
}

TEST(Encoding, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8(utf8));
  EXPECT_FALSE(is_valid_utf8(cp1250));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xC5"));          // truncated
}

}  // namespace
}  // namespace bdp::legacy
