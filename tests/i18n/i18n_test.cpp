#include "i18n/i18n.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace bdp::i18n {
namespace {

TEST(Plurals, PolishHasThreeForms) {
  EXPECT_EQ(count_noun(Lang::pl, 1, "practice"), "1 praktyka");
  EXPECT_EQ(count_noun(Lang::pl, 2, "practice"), "2 praktyki");
  EXPECT_EQ(count_noun(Lang::pl, 4, "practice"), "4 praktyki");
  EXPECT_EQ(count_noun(Lang::pl, 5, "practice"), "5 praktyk");
  EXPECT_EQ(count_noun(Lang::pl, 12, "practice"), "12 praktyk");
  EXPECT_EQ(count_noun(Lang::pl, 22, "practice"), "22 praktyki");
  EXPECT_EQ(count_noun(Lang::pl, 0, "practice"), "0 praktyk");
  EXPECT_EQ(count_noun(Lang::pl, 112, "unit"), "112 jednostek");
  EXPECT_EQ(count_noun(Lang::pl, 0, "selected"), "0 wybranych");
  EXPECT_EQ(count_noun(Lang::pl, 1, "selected"), "1 wybrany");
  EXPECT_EQ(count_noun(Lang::pl, 3, "selected"), "3 wybrane");
  EXPECT_EQ(count_noun(Lang::en, 3, "selected"), "3 selected");
}

TEST(Plurals, EnglishHasTwoForms) {
  EXPECT_EQ(count_noun(Lang::en, 1, "practice"), "1 practice");
  EXPECT_EQ(count_noun(Lang::en, 2, "practice"), "2 practices");
  EXPECT_EQ(count_noun(Lang::en, 0, "result"), "0 results");
}

TEST(Numbers, PolishGroupsThousandsWithNoBreakSpace) {
  EXPECT_EQ(format_number(Lang::pl, 1756567), "1\u00a0756\u00a0567");
  EXPECT_EQ(format_number(Lang::pl, 43061), "43\u00a0061");
  EXPECT_EQ(format_number(Lang::pl, 2008), "2008");
  EXPECT_EQ(format_number(Lang::en, 1756567), "1,756,567");
  EXPECT_EQ(format_number(Lang::en, -1234), "-1,234");
}

TEST(Dates, PolishUsesGenitiveMonthAsOnTheOldPortal) {
  EXPECT_EQ(format_date(Lang::pl, "2008-04-01"), "1 kwietnia 2008 r.");
  EXPECT_EQ(format_date(Lang::en, "2008-04-01"), "1 April 2008");
  EXPECT_EQ(format_date(Lang::pl, "2013-06-27"), "27 czerwca 2013 r.");
  EXPECT_EQ(format_date(Lang::pl, "nonsense"), "nonsense");
  EXPECT_EQ(format_date(Lang::pl, "2013-13-01"), "2013-13-01");
}

TEST(Languages, CodesRoundTrip) {
  EXPECT_EQ(parse_lang("pl"), Lang::pl);
  EXPECT_EQ(parse_lang("en"), Lang::en);
  EXPECT_EQ(parse_lang("de"), std::nullopt);
  EXPECT_STREQ(code(Lang::en), "en");
}

TEST(TranslationTable, EveryKeyHasBothLanguages) {
  std::set<std::string_view> seen;
  for (auto key : keys()) {
    EXPECT_TRUE(seen.insert(key).second) << "duplicate key " << key;
    EXPECT_FALSE(tr(Lang::pl, key).empty()) << key;
    EXPECT_FALSE(tr(Lang::en, key).empty()) << key;
  }
}

// Every {{t.some_key}} used by a template exists in the table: no UI text is missing a
// translation, and no template shows a raw key.
TEST(TranslationTable, CoversEveryKeyTheTemplatesUse) {
  std::set<std::string> known;
  for (auto key : keys()) {
    std::string name(key);
    for (auto& c : name) {
      if (c == '.') c = '_';
    }
    known.insert(name);
  }
  const std::regex use(R"(\{\{\s*t\.([a-z0-9_]+)\s*\}\})");
  int uses = 0;
  for (const auto& file :
       std::filesystem::directory_iterator(std::string(BDP_SOURCE_DIR) + "/assets/templates")) {
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), use), end; it != end; ++it) {
      ++uses;
      EXPECT_TRUE(known.contains((*it)[1].str()))
          << file.path().filename() << " uses unknown key t." << (*it)[1].str();
    }
  }
  EXPECT_GT(uses, 30);
}

}  // namespace
}  // namespace bdp::i18n
