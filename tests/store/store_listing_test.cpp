// Listing practices: subsections, pagination, totals, Polish title order, published only.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class ListingTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto social = store().save_section(sample_section("uslugi-spoleczne", "Usługi społeczne"));
    ASSERT_TRUE(social);
    auto welfare = store().save_section(sample_section("pomoc-spoleczna", "Pomoc", *social));
    auto other = store().save_section(sample_section("dialog-spoleczny", "Dialog społeczny"));
    auto unit = store().save_unit(sample_unit());
    ASSERT_TRUE(welfare && other && unit);
    social_ = *social;
    welfare_ = *welfare;
    other_ = *other;
    unit_ = *unit;
  }

  std::int64_t add(const std::string& title, std::vector<std::int64_t> sections,
                   const std::string& entered_on = "2012-01-01",
                   PracticeStatus status = PracticeStatus::published) {
    Practice p = sample_practice(unit_, std::move(sections), title);
    p.entered_on = entered_on;
    p.status = status;
    auto id = store().save_practice(p);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }

  std::vector<std::string> titles(std::int64_t section, PracticeSort sort, PageRequest page = {}) {
    auto listed = store().practices_in_section(section, sort, page);
    EXPECT_TRUE(listed) << listed.error().message;
    std::vector<std::string> out;
    if (listed) {
      for (const auto& p : listed->items) out.push_back(p.title);
    }
    return out;
  }

  std::int64_t social_ = 0, welfare_ = 0, other_ = 0, unit_ = 0;
};
BDP_STORE_TEST_ON_ALL_ENGINES(ListingTest);

TEST_P(ListingTest, SectionIncludesPracticesOfItsSubsections) {
  add("W dziale", {social_});
  add("W poddziale", {welfare_});
  add("Gdzie indziej", {other_});
  auto listed = titles(social_, PracticeSort::title);
  EXPECT_EQ(listed, (std::vector<std::string>{"W dziale", "W poddziale"}));
  EXPECT_EQ(titles(welfare_, PracticeSort::title), std::vector<std::string>{"W poddziale"});
  EXPECT_EQ(titles(0, PracticeSort::title).size(), 3u);
}

TEST_P(ListingTest, PracticeInTwoSubsectionsIsListedOnce) {
  add("W obu", {social_, welfare_});
  auto listed = store().practices_in_section(social_, PracticeSort::newest, {});
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->total, 1);
  EXPECT_EQ(listed->items.size(), 1u);
}

TEST_P(ListingTest, TitleSortFollowsThePolishAlphabet) {
  for (const char* title :
       {"Mazury", "Łódź", "Lublin", "Ćma", "Cyrk", "Zamość", "Żagań", "Źródło", "ananas", "Ala"}) {
    add(title, {other_});
  }
  EXPECT_EQ(titles(other_, PracticeSort::title, {0, 100}),
            (std::vector<std::string>{"Ala", "ananas", "Cyrk", "Ćma", "Lublin", "Łódź", "Mazury",
                                      "Zamość", "Źródło", "Żagań"}));
}

TEST_P(ListingTest, NewestSortIsByEntryDateThenNewestId) {
  add("Stara", {other_}, "2009-05-01");
  add("Nowa", {other_}, "2014-05-01");
  add("Średnia A", {other_}, "2011-05-01");
  add("Średnia B", {other_}, "2011-05-01");
  EXPECT_EQ(titles(other_, PracticeSort::newest),
            (std::vector<std::string>{"Nowa", "Średnia B", "Średnia A", "Stara"}));
}

TEST_P(ListingTest, PagesSplitTheListAndCarryTheTotal) {
  for (int i = 0; i < 45; ++i) {
    add("Praktyka " + std::string(1, static_cast<char>('A' + i / 10)) + std::to_string(i % 10),
        {welfare_});
  }
  std::vector<std::string> all;
  for (int offset = 0; offset < 60; offset += 20) {
    auto page = store().practices_in_section(social_, PracticeSort::title, {offset, 20});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 45);
    EXPECT_EQ(page->items.size(), offset < 40 ? 20u : 5u);
    for (const auto& p : page->items) {
      EXPECT_EQ(p.contacts.size(), 2u);  // children loaded for the whole page
      EXPECT_EQ(p.presentation.size(), 10u);
      all.push_back(p.title);
    }
  }
  ASSERT_EQ(all.size(), 45u);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 45u);
}

TEST_P(ListingTest, OnlyPublishedPracticesAreListedAndCounted) {
  add("Opublikowana", {welfare_});
  add("Szkic", {welfare_}, "2012-01-01", PracticeStatus::draft);
  add("Archiwalna", {welfare_, other_}, "2012-01-01", PracticeStatus::archived);
  auto page = store().practices_in_section(0, PracticeSort::title, {});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 1);
  auto counts = store().section_counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(*counts, (std::vector<std::pair<std::int64_t, std::int64_t>>{{welfare_, 1}}));
  EXPECT_EQ(store().all_practices()->size(), 3u);
}

TEST_P(ListingTest, SectionCountsCountAPracticeInEachOfItsSections) {
  add("A", {welfare_, other_});
  add("B", {other_});
  auto counts = store().section_counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(*counts,
            (std::vector<std::pair<std::int64_t, std::int64_t>>{{welfare_, 1}, {other_, 2}}));
}

TEST_P(ListingTest, PracticesOfAUnitIncludeEveryStateNewestFirst) {
  add("Starsza", {other_}, "2010-01-01");
  add("Nowsza", {other_}, "2013-01-01", PracticeStatus::draft);
  auto second = store().save_unit(sample_unit("inna-jednostka"));
  ASSERT_TRUE(second);
  auto practices = store().practices_of_unit(unit_);
  ASSERT_TRUE(practices);
  ASSERT_EQ(practices->size(), 2u);
  EXPECT_EQ((*practices)[0].title, "Nowsza");
  EXPECT_EQ(store().practices_of_unit(*second)->size(), 0u);
}

TEST_P(ListingTest, UnknownSectionIsNotFoundAndBadPagesInvalid) {
  EXPECT_EQ(store().practices_in_section(999, PracticeSort::title, {}).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(store().practices_in_section(0, PracticeSort::title, {-1, 20}).error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(store().practices_in_section(0, PracticeSort::title, {0, 0}).error().kind,
            ErrorKind::invalid_input);
}

}  // namespace
}  // namespace bdp::testing
