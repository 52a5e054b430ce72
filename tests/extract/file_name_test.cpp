#include <gtest/gtest.h>

#include "extract/sniff.h"

namespace bdp::extract {
namespace {

std::string cleaned(std::string_view name) {
  auto result = clean_file_name(name);
  return result ? *result : "refused: " + result.error().message;
}

TEST(CleanFileName, StripsTheDirectoriesOfAPath) {
  EXPECT_EQ(cleaned("C:\\x\\a.pdf"), "a.pdf");
  EXPECT_EQ(cleaned("/home/urzednik/Pulpit/plan.docx"), "plan.docx");
  EXPECT_EQ(cleaned("  raport 2026.xlsx  "), "raport 2026.xlsx");
}

TEST(CleanFileName, RefusesPathTraversal) {
  const std::string refused =
      "refused: Nazwa pliku wskazuje folder powyżej („..”); prosimy nadać plikowi zwykłą nazwę.";
  EXPECT_EQ(cleaned("../../etc/passwd"), refused);
  EXPECT_EQ(cleaned("..\\..\\Windows\\x.pdf"), refused);
  EXPECT_EQ(cleaned("raport/../../x.pdf"), refused);
  EXPECT_EQ(cleaned(".."), refused);
  EXPECT_EQ(cleaned("x\\.."), refused);
  EXPECT_EQ(cleaned("..raport.pdf"), "..raport.pdf") << "dots inside a name are no traversal";
}

TEST(CleanFileName, KeepsPolishLetters) {
  EXPECT_EQ(cleaned("Uchwała nr 12.pdf"), "Uchwała nr 12.pdf");
  EXPECT_EQ(cleaned("ZAŻÓŁĆ gęślą jaźń.odt"), "ZAŻÓŁĆ gęślą jaźń.odt");
}

TEST(CleanFileName, RefusesControlCharacters) {
  const std::string refused = "refused: Nazwa pliku zawiera niedozwolone znaki sterujące.";
  EXPECT_EQ(cleaned("a\nb.pdf"), refused);
  EXPECT_EQ(cleaned(std::string("a\0b.pdf", 7)), refused);
  EXPECT_EQ(cleaned("a\x7f.pdf"), refused);
  EXPECT_EQ(cleaned("a\xc2\x85.pdf"), refused);  // U+0085, a C1 control
  EXPECT_EQ(cleaned("a\r\n.pdf"), refused);
}

TEST(CleanFileName, RefusesInvalidUtf8) {
  const std::string refused = "refused: Nazwa pliku nie jest poprawnym tekstem UTF-8.";
  EXPECT_EQ(cleaned("Uchwa\xb3"
                    "a.pdf"),
            refused);                               // ISO-8859-2 ł
  EXPECT_EQ(cleaned("\xc0\xaf.pdf"), refused);      // overlong '/'
  EXPECT_EQ(cleaned("\xed\xa0\x80.pdf"), refused);  // a surrogate
  EXPECT_EQ(cleaned("abc\xe2\x82"), refused);       // truncated
}

TEST(CleanFileName, RefusesEmptyAndDotNames) {
  const std::string refused = "refused: Plik nie ma nazwy; prosimy nadać mu nazwę.";
  EXPECT_EQ(cleaned(""), refused);
  EXPECT_EQ(cleaned("."), refused);
  EXPECT_EQ(cleaned("a/b/"), refused);
  EXPECT_EQ(cleaned("   "), refused);
}

TEST(CleanFileName, RefusesNamesOver200Bytes) {
  EXPECT_EQ(cleaned(std::string(196, 'a') + ".pdf"), std::string(196, 'a') + ".pdf");
  EXPECT_EQ(cleaned(std::string(197, 'a') + ".pdf"),
            "refused: Nazwa pliku jest zbyt długa (najwyżej 200 bajtów); prosimy ją skrócić.");
  // 100 × "ł" is 200 bytes of UTF-8, however few characters it looks.
  std::string polish;
  for (int i = 0; i < 100; ++i) polish += "ł";
  EXPECT_TRUE(clean_file_name(polish));
  EXPECT_FALSE(clean_file_name(polish + "a"));
}

}  // namespace
}  // namespace bdp::extract
