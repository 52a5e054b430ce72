#include <gtest/gtest.h>

#include "search/analyzer.h"
#include "search/stop_words.h"
#include "search/text_folding.h"
#include "search/tokenizer.h"
#include "test_support.h"

namespace bdp::search {
namespace {

using testing::shared_lemmatizer;

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

TEST(TextFolding, FoldsPolishLettersIncludingLStrokeWhichUnicodeDoesNotDecompose) {
  EXPECT_EQ(fold("Współpraca"), "wspolpraca");
  EXPECT_EQ(fold("ŁÓDŹ"), "lodz");
  EXPECT_EQ(fold("Zażółć gęślą jaźń"), "zazolc gesla jazn");
  EXPECT_EQ(fold("Śrem"), fold("srem"));
}

TEST(TextFolding, NormalizesDecomposedInputToTheSameFoldedForm) {
  const std::string decomposed = "S\xcc\x81rem";  // S + combining acute accent
  EXPECT_EQ(normalize(decomposed), "Śrem");
  EXPECT_EQ(fold(normalize(decomposed)), "srem");
}

TEST(TextFolding, TurnsControlCharactersIntoSpacesAndInvalidBytesIntoReplacement) {
  EXPECT_EQ(normalize(std::string("a\x01"
                                  "b\tc",
                                  5)),
            "a b c");
  EXPECT_EQ(normalize("a\xff"
                      "b"),
            "a\xef\xbf\xbd"
            "b");
}

TEST(TextFolding, TitleCasesTheFirstLetterOnly) {
  EXPECT_EQ(title_case("śremie"), "Śremie");
}

TEST(Tokenizer, SplitsWordsAndKeepsPostalCodesAndNumbersWhole) {
  EXPECT_EQ(token_texts("63-100 Śrem, ul. Mickiewicza 40"),
            (std::vector<std::string>{"63-100", "Śrem", "ul", "Mickiewicza", "40"}));
  EXPECT_EQ(token_texts("Liczba mieszkańców: 40.333 (2,5%)"),
            (std::vector<std::string>{"Liczba", "mieszkańców", "40.333", "2,5"}));
  EXPECT_EQ(token_texts("gmina miejsko-wiejska"),
            (std::vector<std::string>{"gmina", "miejsko", "wiejska"}));
}

TEST(Tokenizer, MarksNumericTokens) {
  auto tokens = tokenize("ISO 9001 63-100 A4");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_FALSE(tokens[0].numeric);
  EXPECT_TRUE(tokens[1].numeric);
  EXPECT_TRUE(tokens[2].numeric);
  EXPECT_FALSE(tokens[3].numeric);
}

TEST(StopWords, RecognisesFunctionWordsByFoldedForm) {
  EXPECT_TRUE(is_stop_word("i"));
  EXPECT_TRUE(is_stop_word("sie"));
  EXPECT_TRUE(is_stop_word("oraz"));
  EXPECT_FALSE(is_stop_word("pomoc"));
}

TEST(Analyzer, GivesEveryLemmaOfAnAmbiguousForm) {
  Analyzer analyzer(shared_lemmatizer());
  auto tokens = analyzer.analyze("pomocy");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_NE(std::find(tokens[0].lemmas.begin(), tokens[0].lemmas.end(), "pomoc"),
            tokens[0].lemmas.end());
  EXPECT_NE(std::find(tokens[0].lemmas.begin(), tokens[0].lemmas.end(), "pomocy"),
            tokens[0].lemmas.end());
}

TEST(Analyzer, LemmatisesInflectedAdjectivesAndProperNounsTypedInLowerCase) {
  Analyzer analyzer(shared_lemmatizer());
  EXPECT_EQ(analyzer.analyze("społecznej")[0].lemmas, std::vector<std::string>{"spoleczny"});
  EXPECT_EQ(analyzer.analyze("śremie")[0].lemmas, std::vector<std::string>{"srem"});
  EXPECT_EQ(analyzer.analyze("Śremie")[0].folded, "sremie");
}

TEST(Analyzer, FlagsStopWordsAndGivesNumbersNoLemmas) {
  Analyzer analyzer(shared_lemmatizer());
  auto tokens = analyzer.analyze("w 2012 roku");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].stop);
  EXPECT_TRUE(tokens[1].numeric);
  EXPECT_TRUE(tokens[1].lemmas.empty());
  EXPECT_EQ(tokens[1].folded, "2012");
  EXPECT_FALSE(tokens[2].stop);
}

TEST(Lemmatizer, ReportsMissingDictionaryAsUnavailable) {
  auto opened = Lemmatizer::open("/nonexistent/pl_PL.aff", "/nonexistent/pl_PL.dic");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace bdp::search
