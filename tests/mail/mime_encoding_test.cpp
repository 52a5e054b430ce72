// The encodings of a message: RFC 2047 words for Polish headers, quoted-printable bodies.
#include "mail/mime_encoding.h"

#include <gtest/gtest.h>

namespace bdp::mail {
namespace {

TEST(EncodeHeaderText, PrintableAsciiStaysAsItIs) {
  EXPECT_EQ(encode_header_text("Submission received"), "Submission received");
  EXPECT_EQ(encode_header_text(""), "");
}

TEST(EncodeHeaderText, PolishTextBecomesFoldedUtf8Words) {
  // 51 bytes: 45 in the first word, the rest in the second, on a folded line.
  EXPECT_EQ(encode_header_text("Zgłoszenie przyjęte: Centrum Aktywności Lokalnej"),
            "=?UTF-8?B?WmfFgm9zemVuaWUgcHJ6eWrEmXRlOiBDZW50cnVtIEFrdHl3bm/Fm2NpIExv?=\r\n"
            " =?UTF-8?B?a2FsbmVq?=");
  EXPECT_EQ(encode_header_text("Śrem"), "=?UTF-8?B?xZpyZW0=?=");
}

TEST(EncodeHeaderText, AWordNeverSplitsACharacter) {
  // "ł" would straddle byte 45: it goes whole into the second word.
  EXPECT_EQ(encode_header_text(std::string(44, 'a') + "ł"),
            "=?UTF-8?B?YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=?=\r\n"
            " =?UTF-8?B?xYI=?=");
}

TEST(EncodeHeaderText, TextThatLooksEncodedIsEncoded) {
  EXPECT_EQ(encode_header_text("=?x?="), "=?UTF-8?B?PT94Pz0=?=");
}

TEST(QuotedPrintable, AsciiLinesStayAndLineEndsBecomeCrlf) {
  EXPECT_EQ(quoted_printable("Dzien dobry,\nprosze.\r\nKoniec"),
            "Dzien dobry,\r\nprosze.\r\nKoniec");
  EXPECT_EQ(quoted_printable("a\n\nb\n"), "a\r\n\r\nb\r\n");
}

TEST(QuotedPrintable, PolishLettersEqualsAndTrailingSpacesAreEncoded) {
  EXPECT_EQ(quoted_printable("Łódź = miasto \n"), "=C5=81=C3=B3d=C5=BA =3D miasto=20\r\n");
  EXPECT_EQ(quoted_printable("tab\t"), "tab=09");
  EXPECT_EQ(quoted_printable("a\rb"), "a=0Db");
}

TEST(QuotedPrintable, LongLinesAreSoftBrokenAtSeventySixCharacters) {
  std::string text = std::string(100, 'x') + "\n";
  for (int i = 0; i < 30; ++i) text += "ż";
  const std::string encoded = quoted_printable(text);
  std::size_t start = 0;
  int lines = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 76u) << encoded.substr(start, end - start);
    start = end + 2;
    ++lines;
  }
  // 100 x: 75 + 25; 30 ż are 60 bytes, 180 characters: 25 =XX a line (75 + the soft break).
  EXPECT_EQ(lines, 5);
  EXPECT_EQ(encoded.substr(0, 77), std::string(75, 'x') + "=\r");
  std::string line;
  for (int i = 0; i < 12; ++i) line += "=C5=BC";
  EXPECT_NE(encoded.find("\r\n" + line + "=C5=\r\n=BC"), std::string::npos);
}

}  // namespace
}  // namespace bdp::mail
