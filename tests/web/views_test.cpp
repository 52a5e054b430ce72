#include <gtest/gtest.h>

#include "search/facets.h"
#include "views_fixture.h"

namespace bdp::web {
namespace {

const std::string kHostile = R"(<script>alert("x")</script><img src=x onerror=alert(1)>' " &)";

class ViewsTest : public testing::ViewsFixture {
 protected:
  void SetUp() override {
    Section top{1, std::nullopt, "wspolpraca-jst-ngo", "Współpraca JST-NGO", 1, ""};
    Section sub{2, 1, "praktyki", "Praktyki", 1, ""};
    set_up_views({top, sub}, "/praktyki/1-x");
    config.programme_header = "Model współpracy administracji publicznej";
    ctx.current_section = 2;
  }

  Practice seed_like() const {
    Practice p;
    p.id = 1;
    p.slug = "ozywienie";
    p.title = "Ożywienie mechanizmów partnerstwa lokalnego";
    p.summary = "Pierwszy akapit.\n\nDrugi akapit.";
    p.entered_on = "2011-03-03";
    p.unit_id = 7;
    p.implementing_body = "Ośrodek Pomocy Społecznej w Śremie";
    p.postal_code = "63-100";
    p.post_office = "Śrem";
    p.street = "Mickiewicza 40";
    p.website = "www.opssrem.lap.pl";
    p.population = 40333;
    p.contacts = {{"Maria Świdurska",
                   "Kierownik Ośrodka Pomocy Społecznej",
                   {"61 28 36 107"},
                   "poczta@opssrem.lap.pl"}};
    p.section_ids = {2};
    return p;
  }

  Unit srem() const {
    Unit u;
    u.id = 7;
    u.slug = "srem";
    u.name = "Śrem";
    u.type = "gmina miejsko-wiejska";
    u.town = "Śrem";
    u.county = "śremski";
    u.voivodeship = "wielkopolskie";
    return u;
  }
};

TEST_F(ViewsTest, PracticePageShowsEveryMetrykaLabelAndValue) {
  const auto html = views->practice(ctx, seed_like(), srem(), PracticeView::summary);
  for (const char* expected :
       {"Data wprowadzenia do BDP:",
        "2011-03-03",
        "Typ jednostki:",
        "gmina miejsko-wiejska",
        "Miejscowość:",
        "Powiat:",
        "śremski",
        "Województwo:",
        "wielkopolskie",
        "Kod pocztowy i Poczta:",
        "63-100 Śrem",
        "Jednostka wdrażająca:",
        "Ośrodek Pomocy Społecznej w Śremie",
        "Ulica:",
        "Mickiewicza 40",
        "Witryna internetowa:",
        "href=\"http://www.opssrem.lap.pl\"",
        "Liczba mieszkańców:",
        "40\u00a0333",
        "Osoby kontaktowe:",
        "Maria Świdurska",
        "Kierownik Ośrodka Pomocy Społecznej",
        "61 28 36 107",
        "href=\"tel:612836107\"",
        "mailto:poczta@opssrem.lap.pl",
        "Metryka praktyki",
        "Skrót i Metryka",
        "Pełna prezentacja",
        "<p>Pierwszy akapit.</p>",
        "Współpraca JST-NGO</a> : <a href=\"/dzialy/praktyki\">Praktyki</a>",
        "<title>Ożywienie mechanizmów partnerstwa lokalnego — Baza Dobrych Praktyk</title>",
        "<meta name=\"description\" content=\"Pierwszy akapit.  Drugi akapit.\">"}) {
    EXPECT_NE(html.find(expected), std::string::npos) << "missing: " << expected;
  }
  EXPECT_NE(html.find(kCounterMarker), std::string::npos);
  EXPECT_EQ(html.find("Załączniki"), std::string::npos) << "no attachments tab without attachments";
}

TEST_F(ViewsTest, ConfiguredMenuLinksEndTheMenuEscapedAndOnlyWithSafeAddresses) {
  config.menu_links = {{"Portal jst.org.pl", "https://www.jst.org.pl", ""},
                       {kHostile, "javascript:alert(1)", ""}};
  const auto html = views->practice(ctx, seed_like(), srem(), PracticeView::summary);
  const auto submit = html.find(R"(<li><a href="/zglos-praktyke">)");
  const auto portal = html.find(
      R"(<li><a class="external" href="https://www.jst.org.pl">Portal jst.org.pl</a></li>)");
  ASSERT_NE(portal, std::string::npos);
  EXPECT_LT(submit, portal);
  EXPECT_LT(portal, html.find("</ul>", portal) + 1) << "inside the menu's list";
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_EQ(html.find(kHostile), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), std::string::npos);
}

TEST_F(ViewsTest, AbsentFieldsAreNotShown) {
  auto p = seed_like();
  p.website.clear();
  p.postal_code.clear();
  auto u = srem();
  u.county.clear();
  const auto html = views->practice(ctx, p, u, PracticeView::summary);
  EXPECT_EQ(html.find("Witryna internetowa"), std::string::npos);
  EXPECT_EQ(html.find("Powiat:"), std::string::npos);
  EXPECT_NE(html.find("Kod pocztowy i Poczta:</dt><dd>Śrem</dd>"), std::string::npos) << html;
}

TEST_F(ViewsTest, HostileTextInEveryFieldComesOutEscaped) {
  Practice p = seed_like();
  for (std::string* field :
       {&p.title, &p.summary, &p.entered_on, &p.implementing_body, &p.postal_code, &p.post_office,
        &p.street, &p.website, &p.provenance.programme}) {
    *field = kHostile;
  }
  p.contacts = {{kHostile, kHostile, {kHostile}, kHostile}};
  p.presentation = {{"cele", kHostile, kHostile}};
  p.attachments = {{kHostile, "javascript:alert(1)"}};
  Unit u = srem();
  for (std::string* field : {&u.name, &u.type, &u.town, &u.county, &u.voivodeship})
    *field = kHostile;
  for (auto view : {PracticeView::summary, PracticeView::full, PracticeView::attachments}) {
    const auto html = views->practice(ctx, p, u, view);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<img src=x"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_EQ(html.find("onerror=alert(1)>"), std::string::npos);
  }
  PracticeListing list;
  list.page.items = {p};
  list.page.total = 1;
  list.units[u.id] = u;
  for (const auto& html :
       {views->unit(ctx, u, list), views->section(ctx, tree->all()[1], list, PracticeSort::title),
        views->home(ctx, list, {})}) {
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  }
}

TEST_F(ViewsTest, FullPresentationRendersHeadedMarkdownSections) {
  Practice p = seed_like();
  p.presentation = {{"sytuacja_przed", "Opis sytuacji przed wdrożeniem", "**Wzrost** bezrobocia"},
                    {"cele", "Cele praktyki", "- aktywizacja\n- integracja"}};
  const auto html = views->practice(ctx, p, srem(), PracticeView::full);
  EXPECT_NE(html.find("<h2>Opis sytuacji przed wdrożeniem</h2>"), std::string::npos);
  EXPECT_NE(html.find("<strong>Wzrost</strong>"), std::string::npos);
  EXPECT_NE(html.find("<li>aktywizacja</li>"), std::string::npos);
  EXPECT_NE(html.find("aria-current=\"page\">Pełna prezentacja"), std::string::npos);
  EXPECT_EQ(html.find("Metryka praktyki"), std::string::npos);
}

TEST_F(ViewsTest, AnEmptyFullPresentationRendersNoSection) {
  Practice p = seed_like();
  for (const auto& presentation : std::vector<std::vector<PresentationSection>>{
           {}, {{"cele", "Cele praktyki", ""}, {"trwalosc", "Trwałość", " \n\t"}}}) {
    p.presentation = presentation;
    const auto html = views->practice(ctx, p, srem(), PracticeView::full);
    EXPECT_EQ(html.find("<section class=\"presentation\""), std::string::npos);
    EXPECT_EQ(html.find("Cele praktyki"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"notice\">Pełna prezentacja tej praktyki nie została jeszcze "),
              std::string::npos)
        << html;
  }
}

TEST_F(ViewsTest, AHeadingWithoutTextIsLeftOutOfTheFullPresentation) {
  Practice p = seed_like();
  p.presentation = {{"sytuacja_przed", "Opis sytuacji przed wdrożeniem", "Bezrobocie."},
                    {"cele", "Cele praktyki", "  "}};
  const auto html = views->practice(ctx, p, srem(), PracticeView::full);
  EXPECT_NE(html.find("<h2>Opis sytuacji przed wdrożeniem</h2>"), std::string::npos);
  EXPECT_EQ(html.find("Cele praktyki"), std::string::npos);
}

TEST_F(ViewsTest, AnEmptySummaryRendersNoSummarySection) {
  Practice p = seed_like();
  p.summary = "\n";
  const auto html = views->practice(ctx, p, srem(), PracticeView::summary);
  EXPECT_EQ(html.find("class=\"summary\""), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"metryka\">Metryka praktyki</h2>"), std::string::npos);
  EXPECT_NE(views->practice(ctx, seed_like(), srem(), PracticeView::summary)
                .find("<section class=\"summary\""),
            std::string::npos);
}

TEST_F(ViewsTest, BothViewsSayHowToCiteWithTheAbsolutePermalinkAndTheLastUpdate) {
  config.base_url = "https://bdp.example.pl";
  config.portal_title = "Baza Dobrych Praktyk";
  Practice p = seed_like();
  p.updated_at = "2024-05-06T10:11:12Z";
  for (auto view : {PracticeView::summary, PracticeView::full}) {
    const auto html = views->practice(ctx, p, srem(), view);
    EXPECT_NE(
        html.find("<h2 id=\"jak-cytowac\">Jak cytować</h2>\n<p><span>Śrem. <cite>Ożywienie "
                  "mechanizmów partnerstwa lokalnego</cite>. Baza Dobrych Praktyk</span>. Ostatnia "
                  "aktualizacja: <time datetime=\"2024-05-06\">" +
                  i18n::format_date(i18n::Lang::pl, "2024-05-06") +
                  "</time>. Dostępne pod adresem: <a "
                  "href=\"https://bdp.example.pl/praktyki/1-ozywienie\">https://"
                  "bdp.example.pl/praktyki/1-ozywienie</a></p>"),
        std::string::npos)
        << html;
  }
  ctx.lang = i18n::Lang::en;
  p.updated_at.clear();  // not stored yet: the entry date
  const auto en = views->practice(ctx, p, srem(), PracticeView::summary);
  EXPECT_NE(en.find(">How to cite</h2>"), std::string::npos);
  EXPECT_NE(en.find("Last updated: <time datetime=\"2011-03-03\">"), std::string::npos);
  EXPECT_NE(en.find("Available at: <a href=\"https://bdp.example.pl/praktyki/1-ozywienie\">"),
            std::string::npos);
}

TEST_F(ViewsTest, TheSummaryViewCarriesTheFullPresentationForPaperOnly) {
  Practice p = seed_like();
  p.presentation = {{"cele", "Cele praktyki", "Aktywizacja."}};
  const auto summary = views->practice(ctx, p, srem(), PracticeView::summary);
  EXPECT_NE(summary.find("<section class=\"presentation print-only\" "
                         "aria-labelledby=\"pelna-prezentacja\">\n<h2 "
                         "id=\"pelna-prezentacja\">Pełna prezentacja</h2>\n<div><h2>Cele "
                         "praktyki</h2>\n<p>Aktywizacja.</p>"),
            std::string::npos)
      << summary;
  const auto full = views->practice(ctx, p, srem(), PracticeView::full);
  EXPECT_NE(full.find("<section class=\"presentation\">\n<h2>Cele praktyki</h2>"),
            std::string::npos);
  EXPECT_EQ(full.find("print-only"), std::string::npos);
  p.presentation.clear();
  EXPECT_EQ(views->practice(ctx, p, srem(), PracticeView::summary).find("print-only"),
            std::string::npos);
}

TEST_F(ViewsTest, TheSearchFiltersDisclosureCountsTheSelectedValues) {
  search::SearchResults results;
  search::Query query;
  query.text = "srem";
  EXPECT_NE(
      views->search(ctx, query, &results)
          .find("<details class=\"disclosure facets\">\n<summary>Filtry (0 wybranych)</summary>"),
      std::string::npos);
  query.filters = {{"voivodeship", "wielkopolskie"}, {"voivodeship", "lubelskie"}};
  EXPECT_NE(views->search(ctx, query, &results).find("<summary>Filtry (2 wybrane)</summary>"),
            std::string::npos);
  ctx.lang = i18n::Lang::en;
  EXPECT_NE(views->search(ctx, query, &results).find("<summary>Filters (2 selected)</summary>"),
            std::string::npos);
  EXPECT_NE(views->search(ctx, query, &results)
                .find("<details class=\"disclosure\">\n  <summary>Menu</summary>"),
            std::string::npos);
}

TEST_F(ViewsTest, ADocumentHitShowsItsKindAndLinksItsPdfPage) {
  search::SearchResults results;
  results.total = 1;
  search::Hit hit;
  hit.kind = search::HitKind::document;
  hit.id = 7;
  hit.title = "Raport o rekuperacji";
  hit.href = "/publikacje/7-raport-o-rekuperacji";
  hit.file_href = "/publikacje/7/plik#page=3";
  hit.page = 3;
  hit.document_kind = "raport";
  hit.format = "pdf";
  hit.entered_on = "2026-01-01";
  hit.snippet_html = "o <mark>rekuperacji</mark>";
  results.hits.push_back(hit);
  search::Query query;
  query.text = "rekuperacja";
  const std::string pl = views->search(ctx, query, &results);
  for (const char* text :
       {"Dokument · Raport", "href=\"/publikacje/7-raport-o-rekuperacji\"",
        "href=\"/publikacje/7/plik#page=3\">strona 3</a>", "o <mark>rekuperacji</mark>"})
    EXPECT_NE(pl.find(text), std::string::npos) << text;
  ctx.lang = i18n::Lang::en;
  const std::string en = views->search(ctx, query, &results);
  for (const char* text : {"Document · Report", ">page 3</a>"})
    EXPECT_NE(en.find(text), std::string::npos) << text;
  results.hits[0].page = 0;  // a DOCX: no page
  results.hits[0].file_href = "/publikacje/7/plik";
  EXPECT_EQ(views->search(ctx, query, &results).find("/publikacje/7/plik"), std::string::npos);
}

TEST_F(ViewsTest, EnglishPagesUseTheEnglishTable) {
  ctx.lang = i18n::Lang::en;
  const auto html = views->practice(ctx, seed_like(), srem(), PracticeView::summary);
  EXPECT_NE(html.find(R"(<html lang="en" data-root="/en">)"), std::string::npos);
  EXPECT_NE(html.find("Practice metadata"), std::string::npos);
  EXPECT_NE(html.find("40,333"), std::string::npos);
}

TEST_F(ViewsTest, AnEnglishPageNamesBothAddressesAndMarksItsPolishContent) {
  config.base_url = "https://bdp.example";
  config.portal_title_en = "Good Practice Database";
  ctx.lang = i18n::Lang::en;
  const auto p = seed_like();
  const auto html = views->practice(ctx, p, srem(), PracticeView::summary);
  const auto polish = practice_path(p);
  for (const std::string& expected : std::vector<std::string>{
           R"(<link rel="canonical" href="https://bdp.example/en)" + polish + "\">",
           R"(<link rel="alternate" hreflang="pl" href="https://bdp.example)" + polish + "\">",
           R"(<link rel="alternate" hreflang="en" href="https://bdp.example/en)" + polish + "\">",
           R"(<link rel="alternate" hreflang="x-default" href="https://bdp.example)" + polish +
               "\">",
           "<title>" + p.title + " — Good Practice Database</title>",
           R"(<h1 lang="pl">)" + p.title + "</h1>",
           R"(<a href="/en)" + polish + R"(/pelna-prezentacja">)",
           R"(<a class="lang-switch" href="/jezyk/pl?wroc=)",
       }) {
    EXPECT_NE(html.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(html.find(R"(href="/praktyki/)"), std::string::npos);
  EXPECT_NE(html.find(R"(href="/static/css/bdp.css)"), std::string::npos);
  ctx.lang = i18n::Lang::pl;
  const auto in_polish = views->practice(ctx, p, srem(), PracticeView::summary);
  EXPECT_NE(in_polish.find("<h1>" + p.title + "</h1>"), std::string::npos);
  EXPECT_NE(in_polish.find(" — Baza Dobrych Praktyk</title>"), std::string::npos);
}

TEST_F(ViewsTest, SearchFacetsAndNoticesSpeakThePageLanguage) {
  search::SearchResults results;
  results.notice = search::Notice::stop_words_only;
  results.facets = {
      {"voivodeship", "Województwo", {{"wielkopolskie", "wielkopolskie", 3, false, "", 0}}},
      {"population", "Liczba mieszkańców", {{"lt5k", "poniżej 5 tys.", 2, false, "", 0}}}};
  search::Query query;
  query.text = "i w";
  ctx.lang = i18n::Lang::en;
  const std::string en = views->search(ctx, query, &results);
  for (const char* text : {"Voivodeship", "Population", "under 5,000", "all practices are shown"})
    EXPECT_NE(en.find(text), std::string::npos) << text;
  EXPECT_EQ(en.find("Województwo"), std::string::npos);
  ctx.lang = i18n::Lang::pl;
  const std::string pl = views->search(ctx, query, &results);
  for (const char* text : {"Województwo", "poniżej 5 tys.", "pokazano wszystkie praktyki"})
    EXPECT_NE(pl.find(text), std::string::npos) << text;
}

TEST(Translations, EveryFacetBandAndNoticeHasTextInBothLanguages) {
  std::vector<std::string> keys;
  for (const auto& facet : search::facet_definitions())
    keys.push_back("facet." + std::string(facet.name));
  for (const auto& band : search::population_bands()) keys.push_back("band." + band);
  for (auto n : {search::Notice::unbalanced_quote, search::Notice::stop_words_only,
                 search::Notice::truncated, search::Notice::too_long})
    keys.push_back(std::string("search.notice.") + search::to_string(n));
  for (auto v : {search::kResultPractice, search::kResultDocument})
    keys.push_back("result_type." + std::string(v));
  keys.insert(keys.end(), {"search.document", "search.document_page"});
  for (const auto& key : keys) {
    EXPECT_NE(i18n::tr(i18n::Lang::pl, key), key);
    EXPECT_NE(i18n::tr(i18n::Lang::en, key), key);
  }
}

TEST_F(ViewsTest, CounterSentenceMatchesTheOldPortal) {
  EXPECT_EQ(Views::counter_html(i18n::Lang::pl, config, 1756567),
            "<strong>1\u00a0756\u00a0567</strong> gości odwiedziło nas od 1 kwietnia 2008 r.");
}

TEST_F(ViewsTest, SectionListPaginatesAndKeepsTheSortInLinks) {
  PracticeListing list;
  list.page.total = 45;
  list.page_number = 2;
  list.page_size = 20;
  const auto html = views->section(ctx, tree->all()[1], list, PracticeSort::title);
  EXPECT_NE(html.find("href=\"/dzialy/praktyki?sort=tytul&amp;strona=3\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/dzialy/praktyki?sort=tytul\" rel=\"prev\""), std::string::npos);
  EXPECT_NE(html.find("45 praktyk"), std::string::npos);
}

}  // namespace
}  // namespace bdp::web
