#include "core/text.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/html_escape.h"
#include "core/slug.h"
#include "core/url.h"

namespace bdp {
namespace {

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(html_escape(R"(<script>alert("x" & 'y')</script>)"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  EXPECT_EQ(html_escape("Śrem — zażółć"), "Śrem — zażółć");
}

TEST(Slugify, TransliteratesPolishLetters) {
  EXPECT_EQ(slugify("Ożywienie mechanizmów partnerstwa w Gminie Śrem"),
            "ozywienie-mechanizmow-partnerstwa-w-gminie-srem");
  EXPECT_EQ(slugify("ŁÓDŹ, Żółć & Gęś!"), "lodz-zolc-ges");
}

TEST(Slugify, CollapsesSeparatorsAndDropsUnknownCharacters) {
  EXPECT_EQ(slugify("  --a  //  b--  "), "a-b");
  EXPECT_EQ(slugify("日本 Kraków"), "krakow");
  EXPECT_EQ(slugify(""), "");
}

TEST(Slugify, CutsAtMaxLengthWithoutTrailingHyphen) {
  const auto slug = slugify("abc def ghi jkl", 8);
  EXPECT_LE(slug.size(), 8u);
  EXPECT_EQ(slug, "abc-def");
}

TEST(IsSlug, AcceptsWhatSlugifyMakesAndNothingElse) {
  EXPECT_TRUE(is_slug("srem-wielkopolskie"));
  EXPECT_TRUE(is_slug(slugify("Ośrodek Pomocy w Śremie")));
  EXPECT_TRUE(is_slug("a1"));
  EXPECT_FALSE(is_slug(""));
  EXPECT_FALSE(is_slug("-srem"));
  EXPECT_FALSE(is_slug("srem-"));
  EXPECT_FALSE(is_slug("srem--pl"));
  EXPECT_FALSE(is_slug("Srem"));
  EXPECT_FALSE(is_slug("śrem"));
  EXPECT_FALSE(is_slug("a/b"));
  EXPECT_FALSE(is_slug(std::string(81, 'a')));
}

TEST(IdOfReference, ReadsTheIdInFrontOfASlug) {
  EXPECT_EQ(id_of_reference("12-uchwala-nr-3"), 12);
  EXPECT_EQ(id_of_reference("7"), 7);
  for (const char* bad : {"", "0-x", "-3", "12x", "x-12", "99999999999999999999-a"}) {
    EXPECT_EQ(id_of_reference(bad), std::nullopt) << bad;
  }
}

TEST(Trimmed, DropsAsciiWhiteSpaceAroundOnly) {
  EXPECT_EQ(trimmed(" \t Gmina Śrem \r\n"), "Gmina Śrem");
  EXPECT_EQ(trimmed("a b"), "a b");
  EXPECT_EQ(trimmed(" \n "), "");
  EXPECT_TRUE(is_blank(" \t\r\n"));
  EXPECT_TRUE(is_blank(""));
  EXPECT_FALSE(is_blank(" x "));
}

TEST(PercentEncode, KeepsUnreservedAndPathCharacters) {
  EXPECT_EQ(percent_encode("/dzialy/x?a=1&b=Śrem"), "/dzialy/x%3Fa%3D1%26b%3D%C5%9Arem");
}

TEST(LocalRedirectTarget, KeepsPathsOfThisSiteWithTheirQuery) {
  EXPECT_EQ(local_redirect_target("/"), "/");
  EXPECT_EQ(local_redirect_target("/dzialy/kultura?strona=2&sort=tytul"),
            "/dzialy/kultura?strona=2&sort=tytul");
  EXPECT_EQ(local_redirect_target("/szukaj?q=a%26b"), "/szukaj?q=a%26b");
  EXPECT_EQ(local_redirect_target("/jednostki/śrem"), "/jednostki/%C5%9Brem");
}

TEST(LocalRedirectTarget, SendsEverythingElseHome) {
  using namespace std::string_view_literals;
  for (std::string_view hostile : std::vector<std::string_view>{
           ""sv, "//other.host/", "/\\other.host/", "/\t/other.host/", "/\r\nSet-Cookie: x=1",
           std::string_view("/\0x", 3), "/\x7f", "http://other.host/", "other.host", "\\\\host",
           "javascript:alert(1)", "/a\\b"}) {
    EXPECT_EQ(local_redirect_target(hostile), "/") << hostile;
  }
}

TEST(SafeHref, AllowsWebAndMailLinksAndRelativePaths) {
  EXPECT_EQ(safe_href("https://example.org/a"), "https://example.org/a");
  EXPECT_EQ(safe_href("HTTP://example.org"), "HTTP://example.org");
  EXPECT_EQ(safe_href("mailto:a@b.pl"), "mailto:a@b.pl");
  EXPECT_EQ(safe_href("/pliki/raport.pdf"), "/pliki/raport.pdf");
  EXPECT_EQ(safe_href("raport.pdf?x=a:b"), "raport.pdf?x=a:b");
}

TEST(SafeHref, RejectsScriptAndDataSchemes) {
  EXPECT_EQ(safe_href("javascript:alert(1)"), "");
  EXPECT_EQ(safe_href(" JavaScript:alert(1)"), "");
  EXPECT_EQ(safe_href("data:text/html,<script>"), "");
  EXPECT_EQ(safe_href("vbscript:x"), "");
  EXPECT_EQ(safe_href("/a\nb"), "");
}

}  // namespace
}  // namespace bdp
