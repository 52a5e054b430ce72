// Truncated, empty and hostile pages: the parsers answer with a value (a page with warnings or
// an error), never a crash.
#include <gtest/gtest.h>

#include "fixture.h"
#include "legacy/html_page.h"
#include "legacy/text_page.h"
#include "warnings.h"

namespace bdp::legacy {
namespace {

using test::has_warning;
using test::read_fixture;

TEST(HostilePage, EveryTruncationOfASeedIsAPageOrAnError) {
  const std::string seed = read_fixture("002_4fc2ead593ecafaa.txt");
  for (std::size_t n = 0; n <= seed.size(); n += 7) {
    std::string cut = seed.substr(0, n);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    const auto page = parse_text_page(cut);
    if (page) {
      EXPECT_FALSE(page->title.empty());
    }
  }
}

TEST(HostilePage, APageCutInTheMetrykaReportsTheMissingFields) {
  const std::string seed = read_fixture("000_1196ef917f521a9f.txt");
  const auto page = parse_text_page(seed.substr(0, seed.find("Miejscowość")));
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->metryka.unit_type, "gmina miejska");
  EXPECT_TRUE(has_warning(*page, "Miejscowość", "missing"));
  EXPECT_TRUE(has_warning(*page, "Województwo", "missing"));
}

TEST(HostilePage, UnreadableValuesAndUnknownFieldsAreWarnings) {
  std::string seed = read_fixture("000_1196ef917f521a9f.txt");
  seed.replace(seed.find("2011-03-03"), 10, "marzec 2011");
  seed.replace(seed.find("40.333"), 6, "ok. 40 tys.");
  seed.insert(seed.find("Ulica:"), "Faks:  61 28 36 100\n");
  const auto page = parse_text_page(seed);
  ASSERT_TRUE(page);
  EXPECT_TRUE(has_warning(*page, "Data wprowadzenia do BDP", "not a date: 'marzec 2011'"));
  EXPECT_TRUE(has_warning(*page, "Liczba mieszkańców", "not a number: 'ok. 40 tys.'"));
  EXPECT_TRUE(has_warning(*page, "Metryka praktyki", "unknown field not imported: 'Faks:"));
  EXPECT_EQ(page->metryka.street, "Mickiewicza 40");
}

TEST(HostilePage, RejectsWhatIsNoPracticePage) {
  EXPECT_FALSE(parse_text_page(""));
  EXPECT_FALSE(parse_text_page("Strona główna\nSMUP\n"));
  EXPECT_FALSE(parse_text_page("\xFF\xFE garbage"));
  EXPECT_FALSE(parse_html_page("<html><body><p>404 Not Found</body></html>"));
  EXPECT_FALSE(parse_html_page(""));
}

TEST(HostilePage, SurvivesDeepNestingAndMarkupInText) {
  std::string html =
      "<html><body><div>Usługi społeczne : Kultura</div><h1>Tytuł "
      "&lt;script&gt;alert(1)&lt;/script&gt; *gwiazdka* [link](javascript:x)</h1>";
  for (int i = 0; i < 3000; ++i) html += "<div><font><b>";
  html += ".: Skrót i Metryka :.<p>Treść";
  const auto page = parse_html_page(html);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->title, "Tytuł <script>alert(1)</script> *gwiazdka* [link](javascript:x)");
}

TEST(HostilePage, RefusesAnHtmlPageTooBigToBeAnOldPage) {
  const auto page = parse_html_page(std::string(max_html_page_bytes + 1, '<'));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().message, "the page is larger than 512 KiB");
}

TEST(HostilePage, EscapesMarkdownInTheSummary) {
  std::string seed = read_fixture("000_1196ef917f521a9f.txt");
  seed.insert(seed.find("Zagrożenie"), "# nie nagłówek *ani* [link](javascript:alert(1)) <b>\n\n");
  const auto page = parse_text_page(seed);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->summary.starts_with(
      "\\# nie nagłówek \\*ani\\* \\[link\\](javascript:alert(1)) \\<b\\>\n\n"))
      << page->summary;
}

}  // namespace
}  // namespace bdp::legacy
