// "Inne bazy danych": the public page (grouped by category, links out with rel="noopener",
// broken ones flagged, everything escaped), the desk page with the broken links first, and the
// page cache following a link's change.
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"
#include "views_fixture.h"

namespace bdp::web {
namespace {

const std::string kHostile = R"("><script>alert(1)</script>)";

Link link(std::int64_t id, std::string name, std::string url, std::string category,
          int position = 0) {
  Link l;
  l.id = id;
  l.name = std::move(name);
  l.url = std::move(url);
  l.category = std::move(category);
  l.position = position;
  return l;
}

class LinkViewsTest : public testing::ViewsFixture {
 protected:
  void SetUp() override { set_up_views({}, "/inne-bazy"); }
};

TEST_F(LinkViewsTest, TheLinksAreGroupedByCategoryEachNameALinkOut) {
  Link zmp = link(1, "Związek Miast Polskich", "https://www.miasta.pl/", "Polskie");
  zmp.description = "Baza miast.";
  Link urbact = link(2, "URBACT", "https://urbact.eu/", "Europejskie");
  urbact.language = "en";
  const auto html =
      views->other_databases(ctx, {urbact, zmp, link(3, "Bez kategorii", "http://x.pl/", "")});
  EXPECT_NE(html.find(R"(<h2 id="kategoria-1">Europejskie</h2>)"), std::string::npos) << html;
  EXPECT_NE(html.find(R"(<h2 id="kategoria-2">Polskie</h2>)"), std::string::npos);
  EXPECT_NE(html.find(R"(<h2 id="kategoria-3">Inne</h2>)"), std::string::npos);
  EXPECT_NE(html.find(R"(<a href="https://www.miasta.pl/" hreflang="pl" rel="noopener external">)"
                      "Związek Miast Polskich</a>"),
            std::string::npos);
  EXPECT_NE(
      html.find(R"(<a href="https://urbact.eu/" hreflang="en" rel="noopener external">URBACT</a>)"),
      std::string::npos);
  EXPECT_NE(html.find("(język: angielski)"), std::string::npos);
  EXPECT_NE(html.find(R"(<p class="link-description">Baza miast.</p>)"), std::string::npos);
  EXPECT_LT(html.find("URBACT"), html.find("Związek Miast Polskich"));
  EXPECT_EQ(html.find("adres może być nieaktualny"), std::string::npos);
}

TEST_F(LinkViewsTest, ABrokenLinkStaysListedFlaggedWithAnArchivedCopy) {
  Link dead = link(1, "Stara baza", "https://stara.example.pl/baza", "Polskie");
  dead.last_status = 404;
  dead.checked_at = 1'800'000'000;
  const auto html = views->other_databases(ctx, {dead});
  EXPECT_NE(html.find(R"(<a href="https://stara.example.pl/baza")"), std::string::npos);
  EXPECT_NE(html.find("(adres może być nieaktualny)"), std::string::npos);
  EXPECT_NE(html.find(R"(href="https://web.archive.org/web/https://stara.example.pl/baza")"),
            std::string::npos);
}

TEST_F(LinkViewsTest, EverythingAnEditorTypedIsEscaped) {
  Link hostile = link(1, kHostile, "https://example.org/?a=1&b=\"2\"", kHostile);
  hostile.description = kHostile;
  const auto html = views->other_databases(ctx, {hostile});
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find(R"(href="https://example.org/?a=1&amp;b=&quot;2&quot;")"), std::string::npos);

  const auto desk = views->desk_links(ctx, DeskMenu{"Anna", "redaktor", "tok"},
                                      LinksDeskPage{{hostile}, false, false, hostile, kHostile});
  EXPECT_EQ(desk.find("<script>alert"), std::string::npos);
}

TEST_F(LinkViewsTest, AnEmptyListSaysSo) {
  EXPECT_NE(views->other_databases(ctx, {}).find("Nie dodano jeszcze żadnych odnośników."),
            std::string::npos);
}

TEST_F(LinkViewsTest, TheDeskListsBrokenLinksFirstWithTheirLastCheckAndTheForms) {
  Link fine = link(1, "Działa", "https://dziala.example.pl/", "Polskie");
  fine.last_status = 200;
  fine.checked_at = 1'800'000'000;
  Link dead = link(2, "Nie działa", "https://martwy.example.pl/", "Polskie");
  dead.last_error = "Could not resolve host";
  dead.checked_at = 1'800'000'000;
  LinksDeskPage page;
  page.links = {fine, dead};
  const auto html =
      views->desk_links(ctx, DeskMenu{"Anna", "redaktor", "tok", true, true, true}, page);
  const auto broken_section = html.find(R"(<h2 id="niedzialajace">Niedziałające</h2>)");
  const auto all_section = html.find(R"(<h2 id="wszystkie">Wszystkie linki</h2>)");
  ASSERT_NE(broken_section, std::string::npos) << html;
  ASSERT_NE(all_section, std::string::npos);
  EXPECT_LT(broken_section, html.find("Nie działa", broken_section));
  EXPECT_LT(html.find("Nie działa", broken_section), all_section);
  EXPECT_EQ(html.find("Działa<", broken_section), html.find("Działa<", all_section));
  EXPECT_NE(html.find("Niedziałające (1)"), std::string::npos);
  EXPECT_NE(html.find("— — Could not resolve host"), std::string::npos);
  EXPECT_NE(html.find(R"(<form method="post" action="/redakcja/linki/2/usun")"), std::string::npos);
  EXPECT_NE(html.find(R"(<form method="post" action="/redakcja/linki" class="editor-form">)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(name="csrf" value="tok")"), std::string::npos);
  EXPECT_NE(html.find(R"(<a href="/redakcja/linki">Inne bazy danych: linki</a>)"),
            std::string::npos)
      << "the desk menu names the page";
}

class LinkPortal : public bdp::testing::PortalFixture {};

TEST_F(LinkPortal, ThePublicPageListsTheDemoLinksAndFollowsAChange) {
  auto first = get("/inne-bazy");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(
      first.body.find(R"(<a href="https://www.miasta.pl/" hreflang="pl" rel="noopener external">)"
                      "Związek Miast Polskich</a>"),
      std::string::npos);
  auto links = sqlite->links();
  ASSERT_TRUE(links && !links->empty());
  Link renamed = links->front();
  renamed.name = "Nowa nazwa bazy";
  ASSERT_TRUE(sqlite->save_link(renamed));
  portal->on_changes();
  EXPECT_NE(get("/inne-bazy").body.find("Nowa nazwa bazy"), std::string::npos);
}

TEST_F(LinkPortal, TheDeskPageNeedsALogin) {
  auto r = get("/redakcja/linki");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/redakcja/logowanie");
}

}  // namespace
}  // namespace bdp::web
