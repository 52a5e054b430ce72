// Differential test: SQLite and PostgreSQL given the same writes must answer every read the same
// way — Polish title order on awkward titles (case, diacritics, spaces, digits, punctuation),
// newest order with equal dates, subsection listings, pages, counts, the change log and the
// dump. Runs when BDP_TEST_POSTGRES_URL is set (otherwise only one engine is there).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

// Everything one engine answers after the writes below, reduced to comparable values.
struct Answers {
  std::vector<std::vector<std::int64_t>> listings;  // ids, per section and sort and page
  std::vector<std::int64_t> totals;
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  std::vector<std::tuple<std::int64_t, std::string, std::int64_t, bool>> changes;
  Dataset dump;
};

const std::vector<std::string>& awkward_titles() {
  static const std::vector<std::string> titles = {
      "Ala",      "ala",    "ALA",   "Ala ma kota", "Alama",     "Ala-ma",   "Ąbc",
      "Abc",      "Łódź",   "Lodz",  "łódka",       "Ósemka",    "Osiem",    "Śrem",
      "Srem",     "Źródło", "Żagań", "Zamość",      "10 kroków", "9 kroków", "„Cudzysłów”",
      "(Nawias)", "żółw",   "Żółw",  "Ćwiczenia",   "Czas",      "Ńa",       "Na",
      "Ęka",      "Eko",    "Ala",   "zzz"};
  return titles;
}

Answers write_then_read(Store& store) {
  Answers a;
  auto root = store.save_section(sample_section("uslugi-spoleczne", "Usługi społeczne", {}, 0));
  auto child = store.save_section(sample_section("pomoc-spoleczna", "Pomoc społeczna", *root, 1));
  auto other = store.save_section(sample_section("dialog", "Dialog społeczny", {}, 1));
  auto unit = store.save_unit(sample_unit());
  EXPECT_TRUE(root && child && other && unit);
  const auto& titles = awkward_titles();
  for (std::size_t i = 0; i < titles.size(); ++i) {
    Practice p = sample_practice(*unit,
                                 i % 3 == 0   ? std::vector{*root}
                                 : i % 3 == 1 ? std::vector{*child}
                                              : std::vector{*child, *other},
                                 titles[i]);
    p.entered_on = "201" + std::to_string(i % 4) + "-0" + std::to_string(1 + i % 7) + "-15";
    if (i % 5 == 4) p.status = PracticeStatus::draft;
    if (i % 11 == 10) p.id = 400 + static_cast<std::int64_t>(i);  // a legacy id
    EXPECT_TRUE(store.save_practice(p)) << titles[i];
  }
  EXPECT_TRUE(store.delete_practice(3));
  Practice renamed = *store.practice(2);
  renamed.title = "Źdźbło";
  EXPECT_TRUE(store.save_practice(renamed));
  EXPECT_TRUE(store.save_practice(sample_practice(*unit, {*other}, "Po usunięciu")));

  for (std::int64_t section : {std::int64_t{0}, *root, *child, *other}) {
    for (auto sort : {PracticeSort::title, PracticeSort::newest}) {
      for (PageRequest page : {PageRequest{0, 1000}, PageRequest{5, 7}, PageRequest{40, 10}}) {
        auto listed = store.practices_in_section(section, sort, page);
        EXPECT_TRUE(listed) << listed.error().message;
        if (!listed) continue;
        std::vector<std::int64_t> ids;
        for (const auto& p : listed->items) ids.push_back(p.id);
        a.listings.push_back(ids);
        a.totals.push_back(listed->total);
      }
    }
  }
  a.counts = store.section_counts().value_or(decltype(a.counts){});
  for (const auto& c : store.changes_since(0, 1000).value_or(std::vector<Change>{})) {
    a.changes.emplace_back(c.seq, to_string(c.kind), c.id, c.deleted);
  }
  a.dump = store.dump().value_or(Dataset{});
  for (auto& p : a.dump.practices) p.updated_at.clear();  // the clock differs between runs
  return a;
}

TEST(PostgresDifferentialTest, SqliteAndPostgresAnswerTheSameWritesAlike) {
  auto list = engines();
  if (list.size() < 2) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set: one engine only";
  std::vector<Answers> answers;
  for (const auto& engine : list) {
    auto opened = engine.open();
    ASSERT_TRUE(opened) << engine.name << ": " << opened.error().message;
    ASSERT_TRUE((*opened)->store->migrate());
    answers.push_back(write_then_read(*(*opened)->store));
  }
  const Answers& sqlite = answers[0];
  for (std::size_t e = 1; e < answers.size(); ++e) {
    SCOPED_TRACE(list[e].name + " against " + list[0].name);
    ASSERT_EQ(answers[e].listings.size(), sqlite.listings.size());
    for (std::size_t i = 0; i < sqlite.listings.size(); ++i) {
      EXPECT_EQ(answers[e].listings[i], sqlite.listings[i]) << "listing " << i;
    }
    EXPECT_EQ(answers[e].totals, sqlite.totals);
    EXPECT_EQ(answers[e].counts, sqlite.counts);
    EXPECT_EQ(answers[e].changes, sqlite.changes);
    EXPECT_EQ(answers[e].dump, sqlite.dump);
  }
}

}  // namespace
}  // namespace bdp::testing
