#include "search/query_parser.h"

#include <gtest/gtest.h>

namespace bdp::search {
namespace {

TEST(QueryParser, ReadsWordsAsRequiredGroups) {
  auto q = parse_query("pomoc  społeczna");
  ASSERT_EQ(q.groups.size(), 2u);
  EXPECT_EQ(q.groups[0][0].text, "pomoc");
  EXPECT_EQ(q.groups[1][0].text, "społeczna");
  EXPECT_FALSE(q.groups[0][0].phrase);
}

TEST(QueryParser, ReadsQuotedPhrasesExclusionsAndOr) {
  auto q = parse_query("\"rada seniorów\" teleopieka OR rower -kraków -\"budżet obywatelski\"");
  ASSERT_EQ(q.groups.size(), 2u);
  EXPECT_TRUE(q.groups[0][0].phrase);
  EXPECT_EQ(q.groups[0][0].text, "rada seniorów");
  ASSERT_EQ(q.groups[1].size(), 2u);
  EXPECT_EQ(q.groups[1][1].text, "rower");
  ASSERT_EQ(q.excluded.size(), 2u);
  EXPECT_EQ(q.excluded[0].text, "kraków");
  EXPECT_TRUE(q.excluded[1].phrase);
  EXPECT_FALSE(q.unbalanced_quote);
}

TEST(QueryParser, ClosesAnUnbalancedQuoteAtTheEnd) {
  auto q = parse_query("rower \"miejski wrocław");
  ASSERT_EQ(q.groups.size(), 2u);
  EXPECT_TRUE(q.groups[1][0].phrase);
  EXPECT_EQ(q.groups[1][0].text, "miejski wrocław");
  EXPECT_TRUE(q.unbalanced_quote);
}

TEST(QueryParser, TreatsStrayOperatorsAndControlCharactersAsNothing) {
  auto q = parse_query("OR - \"\" \x01\x02 OR");
  EXPECT_TRUE(q.groups.empty());
  EXPECT_TRUE(q.excluded.empty());
  auto lower = parse_query("or");  // lower-case "or" is a word, not the operator
  ASSERT_EQ(lower.groups.size(), 1u);
}

TEST(QueryParser, RendersClausesBackToQuerySyntax) {
  const std::string text = "\"rada seniorów\" teleopieka OR rower -kraków";
  EXPECT_EQ(to_query_text(parse_query(text)), text);
}

}  // namespace
}  // namespace bdp::search
