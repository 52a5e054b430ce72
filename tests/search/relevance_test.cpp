// The relevance suite (issue 4, point 7): Polish queries over the test corpus with the results
// an official would expect at the top — inflected forms, no diacritics, typos, phrases,
// exclusions, OR, filters — and hostile queries that must get a result or a clear message.
#include <gtest/gtest.h>

#include "index_fixture.h"

namespace bdp::search {
namespace {

using testing::IndexedCorpus;

struct Case {
  std::string query;
  std::vector<std::int64_t> top;  // these ids, in any order, are the first hits
  std::multimap<std::string, std::string> filters = {};
  std::vector<std::int64_t> absent = {};  // these ids must not match at all
};

// Inflected forms: the query uses a different case or number than the text.
const std::vector<Case> kInflected = {
    {"pomocy społecznej", {31}},  // "Dzienny dom pomocy społecznej": the phrase in the title
    {"Śremie", {1, 2, 48}},       // "Śrem" in the titles, "Śremie" in the text
    {"budżetu obywatelskiego", {3}},
    {"rowerów miejskich", {5}},
    {"oświetleniem ulicznym", {7}},
    {"termomodernizacji szkoły", {8}},
    {"klubów seniora", {9}},
    {"radzie seniorów", {10}},
    {"teleopiece", {11}},
    {"asystentów rodziny", {12}},
    {"kart dużych rodzin", {13}},
    {"inkubatora organizacji", {14}},
    {"konsultacjach społecznych", {16}},
    {"odpadami komunalnymi", {18}},
    {"kanalizacją", {19}},
    {"biblioteki", {22}},
    {"szczepieniami", {24}},
    {"dowozem uczniów", {25}},
    {"centrów usług wspólnych", {26}},
    {"funduszem sołeckim", {29}},
    {"mieszkaniami chronionymi", {32}},
    {"spółdzielni socjalnej", {33}},
    {"wolontariuszami", {34}},
    {"Gdańsku monitoring", {35}},
    {"Krakowie organizacje pozarządowe", {15}},
    {"Łodzi kamienice", {44}},
    {"przedszkolu integracyjnym", {43}},
};

// Typed without Polish letters (ł included), and numbers / postal codes.
const std::vector<Case> kUnaccented = {
    {"srem", {1, 2, 48}},
    {"wspolpraca",
     {15, 35}},  // "współpraca" with ł folded, in titles and (15) five times in the text
    {"budzet obywatelski", {3}},
    {"lodz kluby seniora", {9}},
    {"swietlice solectwa", {29}},
    {"zrodla energii kolektory", {40}},
    {"pomocy spolecznej krasnobrod", {31}},
    {"63-100", {1, 2}},
    {"ISO 9001", {27}},
};

// Typos: nothing matches, so the corrected query's results are shown.
const std::vector<Case> kTypos = {
    {"teleopeika", {11}},
    {"budżet obywatleski", {3}},
    {"spółdzielnia socjlana", {33}},
    {"mamografia", {41}},
};

// Phrases, exclusions, OR.
const std::vector<Case> kOperators = {
    {"\"rada seniorów\"", {10}, {}, {9}}, {"\"karta dużej rodziny\"", {13}},
    {"seniorów -rada", {9}, {}, {10}},    {"teleopieka OR rower", {11, 5}},
    {"budżet -krakowa", {4}, {}, {3}},    {"\"centrum aktywności lokalnej\"", {1}},
};

// Filters and facets.
const std::vector<Case> kFilters = {
    {"szkoły", {8}, {{"voivodeship", "mazowieckie"}, {"section", "4"}}},
    {"", {29}, {{"population", "lt5k"}, {"section", "2"}}},
    {"transport", {37}, {{"unit_type", "powiat"}}},
    {"rodziny", {12}, {{"county", "warszawski zachodni"}}},
    {"energii", {20}, {{"unit_type", "związek/porozumienie JST"}, {"year", "2015"}}},
    {"rada", {38}, {{"voivodeship", "śląskie"}}},
};

class Relevance : public IndexedCorpus {
 protected:
  void check(const std::vector<Case>& cases, int* checked) {
    for (const Case& c : cases) {
      Query q;
      q.text = c.query;
      q.filters = c.filters;
      SearchResults r = run(q);
      const auto got = ids(r);
      std::vector<std::int64_t> head(got.begin(), got.begin() + std::min(got.size(), c.top.size()));
      std::sort(head.begin(), head.end());
      std::vector<std::int64_t> want = c.top;
      std::sort(want.begin(), want.end());
      std::string got_text;
      for (auto id : got) got_text += std::to_string(id) + " ";
      EXPECT_EQ(head, want) << "query: " << c.query << "  got: " << got_text
                            << " suggestion: " << r.spelling_suggestion;
      for (auto id : c.absent)
        EXPECT_FALSE(contains(got, id)) << "query: " << c.query << " matched " << id;
      ++*checked;
    }
  }
};

TEST_F(Relevance, FindsInflectedForms) {
  int n = 0;
  check(kInflected, &n);
  EXPECT_GE(n, 25);
}

TEST_F(Relevance, FindsWordsTypedWithoutPolishLettersAndNumbers) {
  int n = 0;
  check(kUnaccented, &n);
}

TEST_F(Relevance, CorrectsMisspeltWordsWhenNothingMatches) {
  int n = 0;
  check(kTypos, &n);
  auto r = run("teleopeika");
  EXPECT_TRUE(r.corrected);
  EXPECT_EQ(r.spelling_suggestion, "teleopieka");
}

TEST_F(Relevance, HonoursPhrasesExclusionsAndOr) {
  int n = 0;
  check(kOperators, &n);
}

TEST_F(Relevance, AppliesFilters) {
  int n = 0;
  check(kFilters, &n);
}

TEST(RelevanceSuite, HasAtLeastFortyQueries) {
  EXPECT_GE(
      kInflected.size() + kUnaccented.size() + kTypos.size() + kOperators.size() + kFilters.size(),
      40u);
}

TEST_F(Relevance, OffersASpellingSuggestionAlongsideResults) {
  auto r = run("rower OR hulajnoga OR teleopeika");
  EXPECT_FALSE(r.hits.empty());
  EXPECT_FALSE(r.corrected);
  EXPECT_NE(r.spelling_suggestion.find("teleopieka"), std::string::npos) << r.spelling_suggestion;
}

TEST_F(Relevance, AnswersUnbalancedQuotesWithResultsAndANotice) {
  auto r = run("\"rada seniorów");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, 10);
  EXPECT_EQ(r.notice, Notice::unbalanced_quote);
}

TEST_F(Relevance, ARepeatedWordChangesNeitherTheMatchesNorTheirOrder) {
  const auto once = run("rada seniorów");
  const auto twice = run("seniorów rada seniorów rada");
  EXPECT_EQ(twice.total, once.total);
  EXPECT_EQ(ids(twice), ids(once));
  ASSERT_FALSE(once.hits.empty());
}

TEST_F(Relevance, RefusesAQueryOfTenKilobytesWithAClearMessage) {
  Query q;
  q.text = std::string(10 * 1024, 'a');
  auto r = index->search(q);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(r.error().message.find("za długie"), std::string::npos);
}

TEST_F(Relevance, AnswersAQueryOfManyWordsWithinTheLimit) {
  std::string text;
  for (int i = 0; i < 120; ++i) text += "rower ";
  auto r = run(text);
  EXPECT_FALSE(r.hits.empty());
  EXPECT_EQ(r.notice, Notice::truncated);  // only the first 32 words were used
}

TEST_F(Relevance, ShowsEverythingWithANoticeForOnlyStopWords) {
  auto r = run("i w oraz się");
  EXPECT_EQ(r.total, 48);
  EXPECT_EQ(r.notice, Notice::stop_words_only);
}

TEST_F(Relevance, TreatsControlCharactersAndOperatorsAloneAsNothingSpecial) {
  auto r = run("\x01\x02\x7f teleopieka\x1b");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, 11);
  EXPECT_EQ(run("- OR \" \"").total, 48);
  EXPECT_EQ(run("\xff\xfe").total, 48);  // nothing searchable: everything, with a notice
  EXPECT_EQ(run("-teleopieka").total, 47);
}

}  // namespace
}  // namespace bdp::search
