#include "search/snippet.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace bdp::search {
namespace {

HighlightForms forms(std::initializer_list<std::string> surfaces,
                     std::initializer_list<std::string> lemmas) {
  HighlightForms f;
  f.surfaces.insert(surfaces.begin(), surfaces.end());
  f.lemmas.insert(lemmas.begin(), lemmas.end());
  return f;
}

TEST(Snippet, MarksInflectedAndUnaccentedMatchesAndEscapesTheRest) {
  Analyzer analyzer(testing::shared_lemmatizer());
  const std::string text = "System <pomocy> społecznej & wsparcia w Śremie.";
  const std::string html =
      make_snippet(text, forms({"spoleczna", "srem"}, {"spoleczny", "srem"}), analyzer);
  EXPECT_EQ(html,
            "System &lt;pomocy&gt; <mark>społecznej</mark> &amp; wsparcia w <mark>Śremie</mark>.");
}

TEST(Snippet, NeverLetsMarkupThroughFromTheText) {
  Analyzer analyzer(testing::shared_lemmatizer());
  const std::string html =
      make_snippet("<script>alert('x')</script> rower", forms({"script", "rower"}, {}), analyzer);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;<mark>script</mark>&gt;"), std::string::npos);
}

TEST(Snippet, StartsNearTheMatchesInALongTextAndAddsEllipses) {
  Analyzer analyzer(testing::shared_lemmatizer());
  std::string text;
  for (int i = 0; i < 60; ++i) text += "wstęp ";
  text += "tutaj jest teleopieka dla seniorów ";
  for (int i = 0; i < 60; ++i) text += "koniec ";
  const std::string html = make_snippet(text, forms({"teleopieka"}, {"teleopieka"}), analyzer, 120);
  EXPECT_EQ(html.rfind("… ", 0), 0u);
  EXPECT_NE(html.find("<mark>teleopieka</mark>"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 4), " …");
  EXPECT_LT(html.size(), 200u);
}

TEST(Snippet, ShowsTheBeginningWhenNothingMatches) {
  Analyzer analyzer(testing::shared_lemmatizer());
  EXPECT_EQ(make_snippet("Krótki tekst.", {}, analyzer), "Krótki tekst.");
}

}  // namespace
}  // namespace bdp::search
