// /porownaj over the demo data: the buttons' POSTs remember the choice and answer with the
// comparison's address; the page shows the practices side by side with the methodology's
// headings one of them has.
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"
#include "i18n/i18n.h"

namespace bdp::web {
namespace {

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

class Compare : public bdp::testing::PortalFixture {
 protected:
  void SetUp() override {
    auto data = bdp::testing::demo_dataset();
    data.practices[0].presentation = {
        {"zasoby", "Zaangażowane zasoby i koszty", "Koszt: **12 000 zł**."},
        {"rezultaty", "Rezultaty i sposób ich pomiaru", "Trzy kluby <script>x</script>."}};
    for (const std::int64_t id : {3, 4}) {  // four public practices in all
      auto copy = data.practices[1];
      copy.id = id;
      copy.slug += "-" + std::to_string(id);
      data.practices.push_back(copy);
    }
    start(data);
  }
  http::Response post(const std::string& path, const std::string& body,
                      const std::string& cookie = "") {
    http::Headers headers{{"content-type", "application/x-www-form-urlencoded"}};
    if (!cookie.empty()) headers.emplace_back("cookie", cookie);
    return request(http::Method::post, path, std::move(headers), body);
  }
  static std::string cookie_of(const http::Response& r) {
    const std::string header(r.header("set-cookie").value_or(""));
    return header.substr(0, header.find(';'));
  }
};

TEST_F(Compare, AddingRemembersTheChoiceAndAnswersWithTheComparisonsAddress) {
  const auto first = post("/porownaj/dodaj", "p=1");
  EXPECT_EQ(first.status, 303);
  EXPECT_EQ(first.header("location"), "/porownaj?p=1");
  EXPECT_EQ(cookie_of(first), "porownanie=1");
  const auto second = post("/porownaj/dodaj", "p=2", cookie_of(first));
  EXPECT_EQ(second.header("location"), "/porownaj?p=1&p=2");
  EXPECT_EQ(cookie_of(second), "porownanie=1.2");
  const auto mine = get("/porownaj", {{"cookie", cookie_of(second)}});
  EXPECT_EQ(mine.status, 303);
  EXPECT_EQ(mine.header("location"), "/porownaj?p=1&p=2");
  EXPECT_EQ(mine.header("cache-control"), "private, no-store");
}

TEST_F(Compare, AFourthIsRefusedWithANoticeAndTheChoiceKept) {
  const auto r = post("/porownaj/dodaj", "p=1", "porownanie=2.3.4");
  EXPECT_EQ(r.header("location"), "/porownaj?p=2&p=3&p=4&pelne=1");
  EXPECT_EQ(cookie_of(r), "porownanie=2.3.4");
  const auto page = get("/porownaj?p=2&p=3&p=4&pelne=1");
  EXPECT_TRUE(has(page.body, "Porównujesz już trzy praktyki."));
  // The notice belongs to a comparison of three only.
  EXPECT_FALSE(has(get("/porownaj?p=2&pelne=1").body, "Porównujesz już trzy praktyki."));
}

TEST_F(Compare, APracticeWithdrawnSinceItWasChosenNoLongerCounts) {
  auto withdrawn = sqlite->practice(3);
  ASSERT_TRUE(withdrawn);
  withdrawn->status = PracticeStatus::draft;
  ASSERT_TRUE(sqlite->save_practice(*withdrawn));
  const auto r = post("/porownaj/dodaj", "p=1", "porownanie=2.3.4");
  EXPECT_EQ(r.header("location"), "/porownaj?p=2&p=4&p=1");
  EXPECT_EQ(get("/porownaj", {{"cookie", "porownanie=3.2"}}).header("location"), "/porownaj?p=2");
}

TEST_F(Compare, RemovingLeavesTheOthersOfTheComparisonTheButtonWasOn) {
  const auto r = post("/porownaj/usun", "p=1&p=2&usun=1", "porownanie=7");
  EXPECT_EQ(r.header("location"), "/porownaj?p=2");
  EXPECT_EQ(cookie_of(r), "porownanie=2");
  const auto last = post("/porownaj/usun", "p=2&usun=2");
  EXPECT_EQ(last.header("location"), "/porownaj");
  EXPECT_TRUE(has(std::string(last.header("set-cookie").value_or("")), "Max-Age=0"));
}

TEST_F(Compare, TheTableShowsEachPracticeSideBySideWithTheHeadingsOneOfThemHas) {
  const auto r = get("/porownaj?p=1&p=2");
  ASSERT_EQ(r.status, 200);
  const auto row = [](const std::string& label, const std::string& first) {
    return "<tr><th scope=\"row\">" + label + "</th><td>" + first + "</td>";
  };
  const std::vector<std::string> expected = {
      row("Typ jednostki", "gmina miejsko-wiejska") + "<td>gmina miejsko-wiejska</td></tr>",
      row("Liczba mieszkańców", i18n::format_number(i18n::Lang::pl, 40333)) + "<td>" +
          i18n::format_number(i18n::Lang::pl, 43061) + "</td></tr>",
      row("Data wprowadzenia do BDP", "3 marca 2011 r."),
      row("Zaangażowane zasoby i koszty", "<p>Koszt: <strong>12 000 zł</strong>.</p>\n") +
          "<td>—</td></tr>",
      R"(<th scope="row">Rezultaty i sposób ich pomiaru</th><td><p>Trzy kluby )",
      R"(<a href="http://127.0.0.1:8080/porownaj?p=1&amp;p=2">)",
      R"(<input type="hidden" name="usun" value="2">)",
  };
  for (const auto& text : expected) EXPECT_TRUE(has(r.body, text)) << text;
  EXPECT_FALSE(has(r.body, "Cele praktyki"));  // a heading neither has is no row
  EXPECT_FALSE(has(r.body, "<script>x"));
}

TEST_F(Compare, TheEnglishComparisonMarksThePolishContent) {
  const auto r = get("/en/porownaj?p=1");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(
      has(r.body,
          R"(<tr><th scope="row">Unit type</th><td lang="pl">gmina miejsko-wiejska</td></tr>)"));
  EXPECT_TRUE(has(r.body, R"(<th scope="row" lang="pl">Zaangażowane zasoby i koszty</th>)"));
  EXPECT_TRUE(has(r.body, R"(<form method="post" action="/en/porownaj/usun">)"));
  EXPECT_TRUE(has(
      r.body,
      R"(<p class="compare-share">Address of this comparison: <a href="http://127.0.0.1:8080/en/porownaj?p=1">)"));
}

TEST_F(Compare, AWrongAddressIsA400AndOneOfNoPublicPracticeA404) {
  EXPECT_EQ(get("/porownaj?p=1&p=2&p=3&p=4").status, 400);
  EXPECT_EQ(get("/porownaj?p=abc").status, 400);
  EXPECT_EQ(get("/porownaj?p=999").status, 404);
  EXPECT_EQ(post("/porownaj/dodaj", "p=999").status, 404);
  EXPECT_EQ(post("/porownaj/dodaj", "").status, 400);
  EXPECT_EQ(post("/porownaj/usun", "p=1").status, 400);
  EXPECT_TRUE(has(get("/porownaj").body, "Nie wybrano jeszcze praktyk do porównania."));
}

TEST_F(Compare, EveryListingSearchAndPracticePageHasTheButton) {
  // One form on every page; the buttons name it, so that they work inside another form too.
  EXPECT_TRUE(has(get("/smup").body,
                  R"(<form id="porownaj-dodaj" method="post" action="/porownaj/dodaj" hidden>)"));
  const std::string button = R"(<button type="submit" form="porownaj-dodaj" name="p" value="2">)";
  EXPECT_TRUE(has(get("/").body, button));
  EXPECT_TRUE(has(get("/jednostki/srem-wielkopolskie").body, button));
  search->results.hits = {bdp::testing::sample_hit()};
  search->results.total = 1;
  EXPECT_TRUE(has(get("/szukaj?q=program").body, button));
  const auto moved = get("/praktyki/2");
  ASSERT_EQ(moved.status, 301);
  EXPECT_TRUE(has(get(std::string(moved.header("location").value_or(""))).body, button));
}

}  // namespace
}  // namespace bdp::web
