// The two seed pages as the parsers must read them, field by field: shared by the text and the
// HTML tests, since both forms of a page carry the same record.
#pragma once

#include <gtest/gtest.h>

#include "legacy/legacy_page.h"

namespace bdp::legacy::test {

inline const char* seed0_summary =
    "Zagrożenie postępującą alienacją i wykluczeniem ze społeczności lokalnej niektórych grup "
    "ludności, takich jak np. osoby starsze, dzieci zagrożone ubóstwem, osoby nieporadne "
    "życiowo, samotne lub niepełnosprawne, wymaga podjęcia z odpowiednim wyprzedzeniem "
    "skutecznych działań zmierzających do stworzenia nowoczesnego sytemu zapobiegania zjawisku "
    "marginalizacji tych osób. Założeniem systemu pomocy społecznej w gminie Śrem jest "
    "współpraca, współdziałanie i partnerstwo w tworzeniu i realizacji programów z obszaru "
    "polityki społecznej, rozwijaniu instrumentów wsparcia, które angażują odbiorców działań, a "
    "także w tworzeniu warunków i promowaniu aktywności społecznej różnych środowisk. Jednym z "
    "narzędzi służących realizacji działań na rzecz aktywizacji społecznej jest wdrażanie metody "
    "Centrum Aktywności Lokalnej.\n\n"
    "Dla osiągnięcia powyższych założeń, Ośrodek Pomocy Społecznej wraz z organizacją "
    "pozarządową - Towarzystwem Pomocy Potrzebującym im. Św. Brata Alberta, realizuje projekt "
    "\"Ożywienie mechanizmów partnerstwa lokalnego poprzez realizację zadań Centrum Aktywności "
    "Lokalnej w Gminie Śrem. Centrum Aktywności Lokalnej to nowa metoda działania instytucji "
    "publicznej w środowisku lokalnym, w której priorytetem jest realizowanie zadań na rzecz "
    "danej społeczności poprzez mobilizowanie jej do aktywności, rozwijanie idei "
    "odpowiedzialności i uczestniczenia w zaspokajaniu ludzkich potrzeb, wzmacnianie więzi "
    "społecznych i postaw altruistycznych. Działania te są niezbędne w kształtowaniu "
    "samorządnego społeczeństwa obywatelskiego.";

inline void expect_seed0(const LegacyPage& page) {
  EXPECT_EQ(page.programme,
            "Model współpracy administracji publicznej i organizacji pozarządowych - "
            "wypracowanie i upowszechnienie standardów współpracy");
  EXPECT_EQ(page.section_path, (std::vector<std::string>{"Współpraca JST-NGO", "Praktyki"}));
  EXPECT_EQ(page.title,
            "Ożywienie mechanizmów partnerstwa lokalnego poprzez realizację zadań Centrum "
            "Aktywności Lokalnej w Gminie Śrem");
  EXPECT_EQ(page.summary, seed0_summary);
  EXPECT_EQ(page.visitor_count, 1756567);
  const Metryka& m = page.metryka;
  EXPECT_EQ(m.entered_on, "2011-03-03");
  EXPECT_EQ(m.unit_type, "gmina miejska");
  EXPECT_EQ(m.town, "Śrem");
  EXPECT_EQ(m.county, "");
  EXPECT_EQ(m.voivodeship, "wielkopolskie");
  EXPECT_EQ(m.postal_code, "63-100");
  EXPECT_EQ(m.post_office, "Śrem");
  EXPECT_EQ(m.implementing_body, "Ośrodek Pomocy Społecznej w Śremie");
  EXPECT_EQ(m.street, "Mickiewicza 40");
  EXPECT_EQ(m.website, "www.opssrem.lap.pl");
  EXPECT_EQ(m.population, 40333);
  ASSERT_EQ(m.contacts.size(), 1u);
  EXPECT_EQ(m.contacts[0], (Contact{"Maria Świdurska",
                                    "Kierownik Ośrodka Pomocy Społecznej",
                                    {"61 28 36 107"},
                                    "poczta@opssrem.lap.pl"}));
  EXPECT_TRUE(page.presentation.empty());
  EXPECT_TRUE(page.attachments.empty());
}

inline void expect_seed2(const LegacyPage& page) {
  EXPECT_EQ(page.programme,
            "Doskonalenie zarządzania usługami publicznymi i rozwojem w jednostkach samorządu "
            "lokalnego (gminach i powiatach)");
  EXPECT_EQ(page.section_path, (std::vector<std::string>{"Usługi społeczne", "Pomoc społeczna"}));
  EXPECT_EQ(page.title,
            "Program aktywności lokalnej w gminie Śrem jako innowacyjne narzędzie kształtujące "
            "politykę społeczną");
  EXPECT_TRUE(page.summary.starts_with(
      "Program Aktywności Lokalnej przygotowany i realizowany przez Ośrodek Pomocy Społecznej w "
      "Śremie łączy w sobie aktywizację zawodową i społeczną mieszkańców Gminy. Aktywizacja "
      "zawodowa jest częścią projektu systemowego \"Aktywność się opłaca\".\nCel zwiększenia "
      "uczestnictwa"))
      << page.summary;
  EXPECT_NE(page.summary.find("z rodzinami\ni dziećmi, zainteresowanych"), std::string::npos);
  EXPECT_TRUE(
      page.summary.ends_with("na rzecz rozwiązywania wspólnych problemów społecznych gminy."));
  EXPECT_EQ(std::count(page.summary.begin(), page.summary.end(), '\n'), 2 + 2 + 2);
  EXPECT_EQ(page.visitor_count, 1555439);
  const Metryka& m = page.metryka;
  EXPECT_EQ(m.entered_on, "2013-06-27");
  EXPECT_EQ(m.unit_type, "gmina miejsko-wiejska");
  EXPECT_EQ(m.town, "Śrem");
  EXPECT_EQ(m.county, "Śremski");
  EXPECT_EQ(m.voivodeship, "wielkopolskie");
  EXPECT_EQ(m.postal_code, "");
  EXPECT_EQ(m.post_office, "Śrem");
  EXPECT_EQ(m.implementing_body, "Miejski Ośrodek Pomocy Społecznej Śrem");
  EXPECT_EQ(m.street, "Adama Mickiewicza 40");
  EXPECT_EQ(m.website, "");
  EXPECT_EQ(m.population, 43061);
  ASSERT_EQ(m.contacts.size(), 1u);
  EXPECT_EQ(m.contacts[0], (Contact{"Maria Świdurska",
                                    "kierownik Miejskiego Ośrodka Pomocy Społecznej",
                                    {"61 28 36 107"},
                                    "ops@ops.srem.pl"}));
  EXPECT_TRUE(page.presentation.empty());
}

}  // namespace bdp::legacy::test
