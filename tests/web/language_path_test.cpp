// Addresses per language: English under /en/, Polish at the root, shared data in neither.
#include "web/language_path.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

using i18n::Lang;

TEST(LanguagePath, SplitsTheEnglishPrefixOffAndLeavesOtherPathsPolish) {
  const auto english = split_language("/en/praktyki/1-x");
  EXPECT_EQ(english.lang, Lang::en);
  EXPECT_EQ(english.path, "/praktyki/1-x");
  EXPECT_EQ(split_language("/en/").path, "/");
  EXPECT_EQ(split_language("/en").lang, Lang::en);
  EXPECT_EQ(split_language("/en").path, "/");
  for (const char* polish : {"/", "/enx/a", "/praktyki/en/", "/EN/x"}) {
    const auto split = split_language(polish);
    EXPECT_EQ(split.lang, Lang::pl) << polish;
    EXPECT_EQ(split.path, polish);
  }
}

TEST(LanguagePath, LocalizesPagesButNotSharedFilesNorOtherSites) {
  EXPECT_EQ(localized_path("/", Lang::en), "/en/");
  EXPECT_EQ(localized_path("/szukaj?q=a", Lang::en), "/en/szukaj?q=a");
  EXPECT_EQ(localized_path("/dane", Lang::en), "/en/dane");
  for (const char* same :
       {"/static/css/bdp.css", "/api/v1/practices", "/kanaly/praktyki.atom", "/dane/praktyki.csv",
        "/sitemap.xml", "/publikacje/3/plik", "/publikacje/3/miniatura", "/publikacje/3/wersje/2",
        "/robots.txt", "/jezyk/pl", "/en/mapa", "//other.example/x", "https://other.example/",
        "#tresc"}) {
    EXPECT_EQ(localized_path(same, Lang::en), same);
  }
  EXPECT_EQ(localized_path("/mapa", Lang::pl), "/mapa");
}

TEST(LanguagePath, RewritesOnlyTheLinksAndFormsOfThePortalsOwnMarkup) {
  const std::string html =
      R"(<a href="/mapa">Map</a><form action="/szukaj"><a href="/static/x.css">)"
      R"(<a href="https://x.example/">x</a><p>href=&quot;/mapa&quot; title="/mapa"</p>)"
      R"(<img src="/publikacje/1/miniatura">)";
  EXPECT_EQ(localize_links(html, Lang::en),
            R"(<a href="/en/mapa">Map</a><form action="/en/szukaj"><a href="/static/x.css">)"
            R"(<a href="https://x.example/">x</a><p>href=&quot;/mapa&quot; title="/mapa"</p>)"
            R"(<img src="/publikacje/1/miniatura">)");
  EXPECT_EQ(localize_links(html, Lang::pl), html);
  EXPECT_EQ(localize_links(R"(<a href="/x)", Lang::en), R"(<a href="/x)");
}

}  // namespace
}  // namespace bdp::web
