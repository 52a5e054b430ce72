// data/demo.json: the section tree of DESIGN.md §1.2, the unit Śrem and the two seed practices,
// every Metryka value as on the old pages (/work/shared/seeds).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "exchange/exchange.h"
#include "store/sqlite/sqlite_store.h"

namespace bdp::exchange {
namespace {

std::string demo_text() {
  std::ifstream file(BDP_SOURCE_DIR "/data/demo.json", std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

Dataset demo() {
  auto data = from_json(demo_text());
  EXPECT_TRUE(data) << data.error().message;
  return data.value_or(Dataset{});
}

std::string path_of(const Dataset& data, std::int64_t section_id) {
  for (const auto& s : data.sections) {
    if (s.id != section_id) continue;
    return s.parent_id ? path_of(data, *s.parent_id) + " : " + s.name : s.name;
  }
  return "?";
}

TEST(DemoData, HoldsTheSectionTreeOfThePortal) {
  Dataset data = demo();
  std::vector<std::string> paths;
  for (const auto& s : data.sections) paths.push_back(path_of(data, s.id));
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "Usługi społeczne", "Usługi społeczne : Kultura",
                       "Usługi społeczne : Pomoc społeczna", "Usługi społeczne : Oświata",
                       "Usługi społeczne : Ochrona zdrowia", "Usługi społeczne : Sport i rekreacja",
                       "Usługi techniczne", "Rozwój instytucjonalny", "Efektywność energetyczna",
                       "Współpraca JST-NGO", "Współpraca JST-NGO : Praktyki",
                       "Współpraca między JST", "Dialog społeczny"}));
}

TEST(DemoData, HoldsOneUnitSremWithItsPopulationSeries) {
  Dataset data = demo();
  ASSERT_EQ(data.units.size(), 1u);
  const Unit& srem = data.units[0];
  EXPECT_EQ(srem.name, "Śrem");
  EXPECT_EQ(srem.town, "Śrem");
  EXPECT_EQ(srem.type, "gmina miejsko-wiejska");
  EXPECT_EQ(srem.county, "śremski");
  EXPECT_EQ(srem.voivodeship, "wielkopolskie");
  EXPECT_EQ(srem.population, (std::vector<PopulationFigure>{{2011, 40333}, {2013, 43061}}));
}

TEST(DemoData, FirstSeedKeepsEveryMetrykaValue) {
  Dataset data = demo();
  ASSERT_EQ(data.practices.size(), 2u);
  const Practice& p = data.practices[0];
  EXPECT_EQ(p.id, 1);
  EXPECT_EQ(p.title,
            "Ożywienie mechanizmów partnerstwa lokalnego poprzez realizację zadań Centrum "
            "Aktywności Lokalnej w Gminie Śrem");
  EXPECT_EQ(p.entered_on, "2011-03-03");
  EXPECT_EQ(p.unit_id, data.units[0].id);
  EXPECT_EQ(p.postal_code, "63-100");
  EXPECT_EQ(p.post_office, "Śrem");
  EXPECT_EQ(p.implementing_body, "Ośrodek Pomocy Społecznej w Śremie");
  EXPECT_EQ(p.street, "Mickiewicza 40");
  EXPECT_EQ(p.website, "www.opssrem.lap.pl");
  EXPECT_EQ(p.population, 40333);
  EXPECT_EQ(p.contacts, (std::vector<Contact>{{"Maria Świdurska",
                                               "Kierownik Ośrodka Pomocy Społecznej",
                                               {"61 28 36 107"},
                                               "poczta@opssrem.lap.pl"}}));
  ASSERT_EQ(p.section_ids.size(), 1u);
  EXPECT_EQ(path_of(data, p.section_ids[0]), "Współpraca JST-NGO : Praktyki");
  EXPECT_EQ(p.provenance.source, "legacy");
  EXPECT_EQ(p.provenance.programme,
            "Model współpracy administracji publicznej i organizacji pozarządowych - "
            "wypracowanie i upowszechnienie standardów współpracy");
  EXPECT_TRUE(p.presentation.empty());
  EXPECT_EQ(p.status, PracticeStatus::published);
}

TEST(DemoData, SecondSeedKeepsEveryMetrykaValue) {
  Dataset data = demo();
  ASSERT_EQ(data.practices.size(), 2u);
  const Practice& p = data.practices[1];
  EXPECT_EQ(p.id, 2);
  EXPECT_EQ(p.title,
            "Program aktywności lokalnej w gminie Śrem jako innowacyjne narzędzie kształtujące "
            "politykę społeczną");
  EXPECT_EQ(p.entered_on, "2013-06-27");
  EXPECT_EQ(p.unit_id, data.units[0].id);
  EXPECT_EQ(p.postal_code, "");
  EXPECT_EQ(p.post_office, "Śrem");
  EXPECT_EQ(p.implementing_body, "Miejski Ośrodek Pomocy Społecznej Śrem");
  EXPECT_EQ(p.street, "Adama Mickiewicza 40");
  EXPECT_EQ(p.website, "");
  EXPECT_EQ(p.population, 43061);
  EXPECT_EQ(p.contacts, (std::vector<Contact>{{"Maria Świdurska",
                                               "kierownik Miejskiego Ośrodka Pomocy Społecznej",
                                               {"61 28 36 107"},
                                               "ops@ops.srem.pl"}}));
  ASSERT_EQ(p.section_ids.size(), 1u);
  EXPECT_EQ(path_of(data, p.section_ids[0]), "Usługi społeczne : Pomoc społeczna");
  EXPECT_EQ(p.provenance.source, "legacy");
  EXPECT_EQ(p.provenance.programme,
            "Doskonalenie zarządzania usługami publicznymi i rozwojem w jednostkach samorządu "
            "lokalnego (gminach i powiatach)");
  EXPECT_TRUE(p.presentation.empty());
}

TEST(DemoData, SummariesAreTheSeedParagraphsWithSingleSpaces) {
  Dataset data = demo();
  ASSERT_EQ(data.practices.size(), 2u);
  const std::string& first = data.practices[0].summary;
  EXPECT_TRUE(
      first.starts_with("Zagrożenie postępującą alienacją i wykluczeniem ze "
                        "społeczności lokalnej niektórych grup ludności"));
  EXPECT_TRUE(first.ends_with("w kształtowaniu samorządnego społeczeństwa obywatelskiego."));
  EXPECT_NE(first.find("Brata Alberta, realizuje projekt \"Ożywienie"), std::string::npos);
  const std::string& second = data.practices[1].summary;
  EXPECT_TRUE(second.starts_with("Program Aktywności Lokalnej przygotowany i realizowany"));
  EXPECT_TRUE(second.ends_with("rozwiązywania wspólnych problemów społecznych gminy."));
  for (const auto* summary : {&first, &second}) {
    EXPECT_EQ(summary->find("  "), std::string::npos);
    EXPECT_EQ(summary->find("\xc2\xa0"), std::string::npos);  // no-break spaces of the old HTML
  }
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 2);  // two paragraphs
}

TEST(DemoData, FileIsInTheCanonicalLayoutOfToJson) {
  // So that `bdp export` of a fresh demo database diffs cleanly against the file.
  EXPECT_EQ(to_json(demo()), demo_text());
}

TEST(DemoData, LoadsIntoTheStoreAndListsUnderItsSections) {
  auto store = open_sqlite_store(":memory:");
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->migrate());
  Dataset data = demo();
  auto loaded = (*store)->load(data);
  ASSERT_TRUE(loaded) << loaded.error().message;
  auto ngo = (*store)->practices_in_section(10, PracticeSort::title, {});
  ASSERT_TRUE(ngo);
  ASSERT_EQ(ngo->total, 1);
  EXPECT_EQ(ngo->items[0].id, 1);
  auto social = (*store)->practices_in_section(1, PracticeSort::title, {});
  ASSERT_TRUE(social);
  ASSERT_EQ(social->total, 1);
  EXPECT_EQ(social->items[0].id, 2);
}

}  // namespace
}  // namespace bdp::exchange
