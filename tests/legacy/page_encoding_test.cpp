// Which encoding an old page is read in, and why, on pages of the shapes the old portal served:
// short and long, text and HTML, Windows-1250 and ISO-8859-2, with and without a declared
// charset; pages whose only non-ASCII letters are ł, ó, ż; and garbled pages, refused.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cctype>
#include <string>

#include "legacy/encoding.h"
#include "legacy/html_page.h"
#include "legacy/text_page.h"

namespace bdp::legacy {
namespace {

// `utf8` in `encoding` (ICU), for building pages of our own.
std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t length =
      ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                   static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

const char* const kMenu =
    "Strona główna\n"
    "Usługi społeczne\n"
    "Usługi techniczne\n"
    "Rozwój instytucjonalny\n"
    "Efektywność energetyczna\n"
    "Współpraca JST-NGO\n"
    "Współpraca między JST\n"
    "Dialog społeczny\n"
    "SMUP\n"
    "Mapa Praktyk\n"
    "Inne bazy danych\n"
    "Publikacje i dokumenty\n";

// A text page of the old portal's shape: `paragraphs` paragraphs of `summary` make it short
// (~1.6 KB with one) or long.
std::string text_page(const std::string& breadcrumb, const std::string& title,
                      const std::string& summary, int paragraphs = 1) {
  std::string page = "Model współpracy administracji publicznej\n";
  page += kMenu;
  page += "\n1.756.567\ngości odwiedziło nas\nod 1 kwietnia 2008 r.\n\n";
  page += "\u00a0" + breadcrumb + "\n" + title + "\n\n";
  page += ".: \u00a0Skrót i Metryka -> Pełna prezentacja \u00a0:.\n\n";
  for (int i = 0; i < paragraphs; ++i) page += summary + "\n\n";
  page +=
      "Metryka praktyki\n"
      "Data wprowadzenia do BDP:\u00a0 \u00a02012-05-14\n\n"
      "Typ jednostki:\u00a0 \u00a0gmina wiejska\n"
      "Miejscowość:\u00a0 \u00a0Kórnik\n"
      "Województwo:\u00a0 \u00a0wielkopolskie\n"
      "Kod pocztowy i Poczta:\u00a0 \u00a062-035 Kórnik\n"
      "Liczba mieszkańców:\u00a0 \u00a023.800\n";
  return page;
}

std::string html_page(const std::string& body_utf8, const std::string& charset) {
  std::string head = "<html><head>";
  if (!charset.empty()) {
    head += "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charset + "\">";
  }
  std::string body;
  for (char c : body_utf8) body += c == '\n' ? std::string("<br>\n") : std::string(1, c);
  return head + "<title>BDP</title></head><body>" + body + "</body></html>";
}

// Letters both tables have, ą ś ź among them (at different bytes in each).
const std::string kPolishSummary =
    "Gmina uruchomiła świetlicę środowiskową; źródłem finansowania była dotacja. Zespół "
    "zorganizował zajęcia dla dzieci i młodzieży, a Ośrodek Pomocy Społecznej \"Łąka\" prowadził "
    "dyżury - również w soboty.";
// With Windows-1250 punctuation that ISO-8859-2 lacks.
const std::string kQuotedSummary = "Ośrodek „Łąka” prowadził dyżury — również w soboty.";
// Only ł, ó, ż besides ASCII: the same bytes in both tables.
const std::string kSharedLettersSummary =
    "Gmina otworzyla punkt porad dla osob starszych: ludzie mlodzi pomagali w zakupach, a "
    "zlobek w Kórniku przyjal dzieci z calej gminy. Ten model zyl dluzej niz grant.";

struct Shape {
  const char* encoding;
  int paragraphs;
};

class SingleBytePages : public ::testing::TestWithParam<Shape> {};
INSTANTIATE_TEST_SUITE_P(ShortAndLong, SingleBytePages,
                         ::testing::Values(Shape{"windows-1250", 1}, Shape{"windows-1250", 40},
                                           Shape{"ISO-8859-2", 1}, Shape{"ISO-8859-2", 40}),
                         [](const auto& info) {
                           return std::string(info.param.encoding[0] == 'w' ? "cp1250" : "latin2") +
                                  (info.param.paragraphs == 1 ? "Short" : "Long");
                         });

TEST_P(SingleBytePages, ATextPageWithoutDeclarationIsReadInItsTable) {
  const std::string utf8 = text_page("Usługi społeczne : Pomoc społeczna", "Świetlica w Kórniku",
                                     kPolishSummary, GetParam().paragraphs);
  const auto decoded = to_utf8(encode(utf8, GetParam().encoding));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->encoding, GetParam().encoding);
  EXPECT_EQ(decoded->utf8, utf8);
  EXPECT_NE(decoded->reason.find("Polish letters"), std::string::npos) << decoded->reason;
  const auto page = parse_text_page(decoded->utf8);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->metryka.town, "Kórnik");
  EXPECT_EQ(page->title, "Świetlica w Kórniku");
}

TEST_P(SingleBytePages, AnHtmlPageIsReadInItsTableWithOrWithoutADeclaredCharset) {
  const std::string body = text_page("Usługi społeczne : Pomoc społeczna", "Świetlica w Kórniku",
                                     kPolishSummary, GetParam().paragraphs);
  for (const std::string& charset : {std::string(GetParam().encoding), std::string()}) {
    const auto page = parse_html_page(encode(html_page(body, charset), GetParam().encoding));
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_TRUE(page->warnings.empty()) << page->warnings.front().message;
    EXPECT_EQ(page->encoding, GetParam().encoding) << "declared '" << charset << "'";
    if (!charset.empty()) {
      std::string lower = charset;  // declared_charset() reads names lower case
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_EQ(page->encoding_reason, "declared charset " + lower);
    }
    EXPECT_EQ(page->metryka.town, "Kórnik");
    EXPECT_EQ(page->title, "Świetlica w Kórniku");
  }
}

TEST(PageEncoding, OnlyLettersBothTablesShareReadTheSameAndSaySo) {
  const std::string utf8 = "Żłobek w Kórniku\n\n" + kSharedLettersSummary;
  for (const char* encoding : {"windows-1250", "ISO-8859-2"}) {
    const auto decoded = to_utf8(encode(utf8, encoding));
    ASSERT_TRUE(decoded) << encoding << ": " << decoded.error().message;
    EXPECT_EQ(decoded->utf8, utf8) << encoding;
    EXPECT_EQ(decoded->encoding, "windows-1250");
    EXPECT_NE(decoded->reason.find("reads the same"), std::string::npos) << decoded->reason;
  }
}

TEST(PageEncoding, AShortWindows1250PageIsNeverTakenForAnotherFamily) {
  // The page ICU's detector named Big5: short, a few Polish letters among ASCII.
  const std::string utf8 =
      text_page("Efektywność energetyczna", "Termomodernizacja szkół", "Gmina ociepliła szkołę.");
  const auto decoded = to_utf8(encode(utf8, "windows-1250"));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->encoding, "windows-1250");
  EXPECT_EQ(decoded->utf8, utf8);
}

TEST(PageEncoding, ADeclaredCharsetThatDoesNotFitIsOverruledWithANote) {
  // Windows-1250 quotes („ ” = 0x84 0x94) are control characters in ISO-8859-2.
  const std::string bytes = encode(kQuotedSummary, "windows-1250");
  const auto decoded = to_utf8(bytes, "iso-8859-2");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->encoding, "windows-1250");
  EXPECT_EQ(decoded->utf8, kQuotedSummary);
  ASSERT_EQ(decoded->notes.size(), 1u);
  EXPECT_NE(decoded->notes[0].find("does not decode the bytes cleanly"), std::string::npos);
}

TEST(PageEncoding, ACharsetTheOldPortalNeverUsedDoesNotDecide) {
  const auto decoded = to_utf8(encode(kPolishSummary, "ISO-8859-2"), "big5");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->encoding, "ISO-8859-2");
  EXPECT_EQ(decoded->utf8, kPolishSummary);
}

TEST(PageEncoding, UndecodableBytesAreRefusedNamingTheEncodingTried) {
  // 0x81 and 0x98 are unassigned in Windows-1250 and control characters in ISO-8859-2.
  const auto decoded = to_utf8("Pomoc spo\xB3\x65\x63zna \x81\x98 w gminie");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(decoded.error().message.find("windows-1250"), std::string::npos);
  EXPECT_NE(decoded.error().message.find("not imported"), std::string::npos);
}

TEST(PageEncoding, Utf8TextOutsideThePolishRepertoireIsRefused) {
  const auto decoded = to_utf8("Praktyka \xE4\xB8\xAD\xE6\x96\x87 w gminie");  // 中文
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().message.find("read as UTF-8 (valid UTF-8)"), std::string::npos);
  EXPECT_NE(decoded.error().message.find("U+4E2D at character 10"), std::string::npos)
      << decoded.error().message;
}

TEST(PageEncoding, TheRepertoireIsLatinLatinExtendedAAndGeneralPunctuation) {
  for (char32_t c : {U'a', U'\u00F3', U'\u0142', U'\u017C', U'\u201E', U'\u2013', U'\u20AC'}) {
    EXPECT_TRUE(plausible_in_polish_text(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c : {U'\u0001', U'\u0085', U'\u0180', U'\u4E2D', U'\uFFFD', U'\u0416'}) {
    EXPECT_FALSE(plausible_in_polish_text(c)) << static_cast<unsigned>(c);
  }
}

class OneLevelBreadcrumb : public ::testing::TestWithParam<const char*> {};
INSTANTIATE_TEST_SUITE_P(EveryTopSection, OneLevelBreadcrumb,
                         ::testing::Values("Usługi społeczne", "Usługi techniczne",
                                           "Rozwój instytucjonalny", "Efektywność energetyczna",
                                           "Współpraca JST-NGO", "Współpraca między JST",
                                           "Dialog społeczny"));

TEST_P(OneLevelBreadcrumb, NamesTheSectionAndIsNotPartOfTheTitle) {
  const auto page =
      parse_text_page(text_page(GetParam(), "Termomodernizacja budynków gminnych", kPolishSummary));
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->section_path, std::vector<std::string>{GetParam()});
  EXPECT_EQ(page->title, "Termomodernizacja budynków gminnych");
}

TEST(OneLevelBreadcrumbs, ATitleThatNamesNoMenuSectionIsNoBreadcrumb) {
  auto page_text = text_page("Usługi techniczne", "Budowa kanalizacji", kPolishSummary);
  page_text.replace(page_text.find("\u00a0Usługi techniczne\n"),
                    std::string("\u00a0Usługi techniczne\n").size(), "");
  const auto page = parse_text_page(page_text);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_TRUE(page->section_path.empty());
  EXPECT_EQ(page->title, "Budowa kanalizacji");
}

}  // namespace
}  // namespace bdp::legacy
