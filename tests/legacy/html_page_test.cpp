#include "legacy/html_page.h"

#include <gtest/gtest.h>

#include "fixture.h"
#include "seed_pages.h"
#include "warnings.h"

namespace bdp::legacy {
namespace {

using test::has_warning;
using test::read_fixture;

TEST(HtmlPage, ReadsTheFirstSeedFromUtf8TableLayout) {
  const auto page = parse_html_page(read_fixture("seed0_art412_utf8.html"));
  ASSERT_TRUE(page) << page.error().message;
  test::expect_seed0(*page);
  EXPECT_EQ(page->art, 412);
  EXPECT_EQ(page->p1, "6");
  EXPECT_EQ(page->p2, "1");
  EXPECT_TRUE(page->warnings.empty()) << page->warnings.front().message;
}

TEST(HtmlPage, ReadsTheSecondSeedFromWindows1250BrokenMarkup) {
  const auto page = parse_html_page(read_fixture("seed2_art523_cp1250.html"));
  ASSERT_TRUE(page) << page.error().message;
  test::expect_seed2(*page);
  EXPECT_EQ(page->art, 523);
  EXPECT_EQ(page->p1, "1");
  EXPECT_EQ(page->p2, "2");
  EXPECT_EQ(page->attachments,
            (std::vector<Attachment>{{"Program Aktywności Lokalnej na lata 2011-2013",
                                      "pliki/523/program_aktywnosci_lokalnej.pdf"},
                                     {"Raport z ewaluacji", "pliki/523/ewaluacja.doc"}}));
  ASSERT_EQ(page->warnings.size(), 1u) << page->warnings.back().message;
  EXPECT_TRUE(has_warning(*page, "Kod pocztowy i Poczta", "no postal code"));
}

TEST(HtmlPage, ReadsAFullPresentationInIso88592WithoutADeclaredCharset) {
  const auto page = parse_html_page(read_fixture("presentation_art77_latin2.html"));
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->art, 77);
  EXPECT_EQ(page->section_path, (std::vector<std::string>{"Rozwój instytucjonalny", "Praktyki"}));
  EXPECT_EQ(page->title, "Elektroniczny obieg dokumentów w Starostwie Powiatowym w Lesznie");
  EXPECT_EQ(page->summary, "");
  EXPECT_EQ(page->visitor_count, 1601220);
  EXPECT_EQ(page->presentation,
            (std::vector<PresentationSection>{
                {"sytuacja_przed", "Opis sytuacji przed wdrożeniem",
                 "Dokumenty krążyły w wersji papierowej między 14 wydziałami; średni czas "
                 "załatwienia sprawy wynosił 21 dni."},
                {"cele", "Cele praktyki",
                 "Skrócenie czasu załatwiania spraw o połowę.\n\nPełna informacja o stanie "
                 "sprawy dla mieszkańca."},
                {"wdrozenie", "Opis wdrożenia",
                 "\\- 3 uchwały Rady Powiatu\n\\* 50% kosztów z budżetu powiatu\n2008\\. rok: "
                 "wybór systemu \\[etap I\\]"},
                {"rezultaty", "Rezultaty i sposób ich pomiaru",
                 "Czas załatwienia sprawy spadł do 9 dni (pomiar w rejestrze spraw)."}}));
  const Metryka& m = page->metryka;
  EXPECT_EQ(m.entered_on, "2009-05-12");
  EXPECT_EQ(m.unit_type, "powiat");
  EXPECT_EQ(m.town, "Leszno");
  EXPECT_EQ(m.county, "leszczyński");
  EXPECT_EQ(m.voivodeship, "wielkopolskie");
  EXPECT_EQ(m.postal_code, "64-100");
  EXPECT_EQ(m.post_office, "Leszno");
  EXPECT_EQ(m.implementing_body, "Starostwo Powiatowe w Lesznie");
  EXPECT_EQ(m.street, "ul. Kazimierza Karasia 15");
  EXPECT_EQ(m.website, "www.powiat.leszno.pl");
  EXPECT_EQ(m.population, 52993);
  EXPECT_EQ(m.contacts, (std::vector<Contact>{{"Jan Kowalski",
                                               "Sekretarz Powiatu",
                                               {"65 525 10 00", "65 525 10 01"},
                                               "sekretarz@powiat.leszno.pl"},
                                              {"Anna Nowak-Zielińska",
                                               "Naczelnik Wydziału Organizacyjnego",
                                               {"65 525 10 20"},
                                               "a.nowak@powiat.leszno.pl"}}));
  EXPECT_TRUE(page->warnings.empty()) << page->warnings.front().message;
}

}  // namespace
}  // namespace bdp::legacy
