// The request pipeline in-process (tests/support/portal_fixture.h): statuses, headers, JSON
// values and page values as a client receives them, over the demo data in in-memory SQLite.
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"
#include "i18n/i18n.h"
#include "web/error_boundary.h"
#include "web/security_headers.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

using Fixture = bdp::testing::PortalFixture;
using Metryka = std::vector<std::pair<std::string, std::string>>;

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

class Pipeline : public Fixture {
 protected:
  std::string practice_path_of(std::int64_t id) {
    auto p = sqlite->practice(id);
    EXPECT_TRUE(p);
    return p ? web::practice_path(*p) : std::string();
  }
  // The visitor total a page shows to a visitor with user agent `ua` (who is then counted).
  long long total_seen_by(const std::string& ua) {
    return shown_counter(get("/smup", {{"user-agent", ua}}).body);
  }
};

TEST_F(Pipeline, APracticePageShowsEachMetrykaValueBesideItsLabel) {
  const auto r = get(practice_path_of(1));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  EXPECT_EQ(r.header("vary"), "Cookie, Accept-Encoding");
  ASSERT_TRUE(r.header("etag"));
  auto fields = metryka(r.body);
  ASSERT_EQ(fields.size(), 11u);
  const auto contacts = fields.back();
  fields.pop_back();
  const Metryka expected = {
      {"Data wprowadzenia do BDP", "2011-03-03"},
      {"Typ jednostki", "gmina miejsko-wiejska"},
      {"Miejscowość", "Śrem"},
      {"Powiat", "śremski"},
      {"Województwo", "wielkopolskie"},
      {"Kod pocztowy i Poczta", "63-100 Śrem"},
      {"Jednostka wdrażająca", "Ośrodek Pomocy Społecznej w Śremie"},
      {"Ulica", "Mickiewicza 40"},
      {"Witryna internetowa", "www.opssrem.lap.pl"},
      {"Liczba mieszkańców", i18n::format_number(i18n::Lang::pl, 40333)},
  };
  EXPECT_EQ(fields, expected);
  EXPECT_EQ(contacts.first, "Osoby kontaktowe");
  EXPECT_EQ(contacts.second,
            "\nMaria ŚwidurskaKierownik Ośrodka Pomocy Społecznejtel. 61 28 36 107e-mail: "
            "poczta@opssrem.lap.pl\n");
}

TEST_F(Pipeline, TheSameMetrykaInEnglishUnderEn) {
  const auto r = get("/en" + practice_path_of(1));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-language"), "en");
  const auto fields = metryka(r.body);
  ASSERT_GE(fields.size(), 10u);
  EXPECT_EQ(fields[0], (std::pair<std::string, std::string>{"Date entered", "2011-03-03"}));
  EXPECT_EQ(fields[9], (std::pair<std::string, std::string>{
                           "Population", i18n::format_number(i18n::Lang::en, 40333)}));
}

TEST_F(Pipeline, AnOldSlugRedirectsToThePermalink) {
  const auto r = get("/praktyki/1-old-slug");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.header("location"), practice_path_of(1));
}

TEST_F(Pipeline, TheRootIsPolishAndEnglishLivesUnderEn) {
  const auto polish = get("/dzialy/kultura");
  EXPECT_EQ(polish.status, 200);
  EXPECT_EQ(polish.header("content-language"), "pl");
  EXPECT_TRUE(has(polish.body, R"(<html lang="pl" data-root="">)"));
  const auto english = get("/en/dzialy/kultura");
  EXPECT_EQ(english.status, 200);
  EXPECT_EQ(english.header("content-language"), "en");
  EXPECT_TRUE(has(english.body, R"(<html lang="en" data-root="/en">)"));
  EXPECT_TRUE(has(english.body, R"(<a href="/en/mapa">Map of Practices</a>)"));
  const auto bare = get("/en?x=1");
  EXPECT_EQ(bare.status, 301);
  EXPECT_EQ(bare.header("location"), "/en/?x=1");
  EXPECT_EQ(get("/en/nie-ma").status, 404);
  EXPECT_EQ(get("/enx").status, 404);
}

TEST_F(Pipeline, ARedirectOfAnEnglishPageStaysEnglish) {
  const auto r = get("/en/praktyki/1-old-slug");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.header("location"), "/en" + practice_path_of(1));
}

TEST_F(Pipeline, AVisitorWhoChoseEnglishIsSentFromAPolishAddressToItsEnglishOne) {
  const auto r = get("/szukaj?q=gmina&strona=2", {{"cookie", "lang=en"}});
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(r.header("location"), "/en/szukaj?q=gmina&strona=2");
  EXPECT_EQ(r.header("cache-control"), "private, no-store");
  // Not the data, which has one address for both languages, nor a visitor who chose Polish.
  EXPECT_EQ(get("/api/v1/sections", {{"cookie", "lang=en"}}).status, 200);
  EXPECT_EQ(get("/kanaly/praktyki.atom", {{"cookie", "lang=en"}}).status, 200);
  EXPECT_EQ(get("/szukaj?q=gmina", {{"cookie", "lang=pl"}}).status, 200);
}

TEST_F(Pipeline, TheSwitchGoesToThePagesAddressInTheOtherLanguage) {
  const auto to_english = get("/jezyk/en?wroc=/dzialy/kultura");
  EXPECT_EQ(to_english.status, 303);
  EXPECT_EQ(to_english.header("location"), "/en/dzialy/kultura");
  EXPECT_TRUE(has(std::string(to_english.header("set-cookie").value_or("")), "lang=en;"));
  const auto to_polish = get("/jezyk/pl?wroc=/en/dzialy/kultura");
  EXPECT_EQ(to_polish.header("location"), "/dzialy/kultura");
  EXPECT_EQ(get("/jezyk/en?wroc=//evil.example").header("location"), "/en/");
  EXPECT_EQ(get("/jezyk/pl?wroc=/en//evil.example").header("location"), "/");
  EXPECT_EQ(get("/jezyk/pl?wroc=/en").header("location"), "/");
  EXPECT_EQ(request(http::Method::post, "/en").status, 308);
}

TEST_F(Pipeline, ConditionalGetAndGzipComeAfterTheHandler) {
  const auto path = practice_path_of(1);
  const auto first = get(path, {{"user-agent", "t"}});
  const auto again =
      get(path, {{"user-agent", "t"}, {"if-none-match", std::string(*first.header("etag"))}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  const auto gz = get(path, {{"user-agent", "t"}, {"accept-encoding", "gzip"}});
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_LT(gz.body.size(), first.body.size());
}

TEST_F(Pipeline, OnlyPagesAnswered200CountAVisitor) {
  const long long before = total_seen_by("first");
  ASSERT_GT(before, 0);
  // A new visitor whose requests are no page answered 200: an asset, the API, the health
  // check, a missing page, a redirect, a bad request.
  const http::Headers ua = {{"user-agent", "not-counted"}};
  EXPECT_EQ(get("/static/css/bdp.css", ua).status, 200);
  EXPECT_EQ(get("/api/v1/suggest?q=o", ua).status, 200);
  EXPECT_EQ(get("/healthz", ua).status, 200);
  EXPECT_EQ(get("/nie-ma-takiej-strony", ua).status, 404);
  EXPECT_EQ(get("/praktyki/1-old-slug", ua).status, 301);
  EXPECT_EQ(get("/dzialy/kultura?strona=zero", ua).status, 400);
  EXPECT_EQ(total_seen_by("second"), before + 1) << "only 'second' was counted";
  EXPECT_EQ(total_seen_by("not-counted"), before + 2) << "counted at its first page";
  EXPECT_EQ(total_seen_by("second"), before + 2) << "once a day";
}

TEST_F(Pipeline, RoutesAnswerInTheFormatOfTheirKind) {
  const auto missing_page = get("/nie-ma");
  EXPECT_EQ(missing_page.status, 404);
  EXPECT_EQ(missing_page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(missing_page.body.find("<h1>Nie znaleziono strony</h1>"), std::string::npos);
  const auto missing_api = get("/api/v1/nie-ma", {{"cookie", "lang=en"}});
  EXPECT_EQ(missing_api.status, 404);
  EXPECT_EQ(missing_api.header("content-type"), "application/problem+json");
  const auto j = json_of(missing_api);
  EXPECT_EQ(j["status"], 404);
  EXPECT_EQ(j["code"], "not_found");
  EXPECT_EQ(j["detail"], "The page you are looking for does not exist or has moved.");
  EXPECT_EQ(j["instance"], "/api/v1/nie-ma");
  const auto health = get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json_of(health)["status"], "ok");
  const auto post = request(http::Method::post, "/");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("allow"), "GET, HEAD");
}

TEST_F(Pipeline, TheSearchApiSendsTheResultValues) {
  search->results.total = 1;
  search->results.hits.push_back(bdp::testing::sample_hit());
  const auto r = get("/api/v1/search?q=program");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  const auto j = json_of(r);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["query"]["q"], "program");
  EXPECT_EQ(j["hits"][0]["url"], "/praktyki/2-program");
  EXPECT_EQ(j["hits"][0]["title"], "Program aktywności");
}

// The failures of storage and search carry internal text (SQL, paths, library messages): none
// of it reaches any client.
const std::string kStoreText =
    "database unavailable: could not connect to /var/run/postgresql/.s.PGSQL.5432 (SELECT id FROM "
    "practices)";
const std::string kSearchText =
    "search: DatabaseCorruptError: /srv/bdp-index/postlist.glass: checksum mismatch";

void expect_no_internal_text(const http::Response& r, const std::string& internal) {
  EXPECT_EQ(r.body.find(internal), std::string::npos);
  for (const char* piece : {"SELECT", "/var/run", "postgresql", "/srv/", "glass", "Corrupt"}) {
    EXPECT_EQ(r.body.find(piece), std::string::npos) << piece;
  }
}

TEST_F(Pipeline, AStoreFailureShowsTheUnavailablePageAndNoneOfItsText) {
  store->fail_with({ErrorKind::unavailable, kStoreText});
  for (const auto& target :
       {practice_path_of(2), std::string("/"), std::string("/jednostki/srem-wielkopolskie"),
        std::string("/index.php?art=1")}) {
    SCOPED_TRACE(target);
    const auto r = get(target);
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.header("retry-after"), "5");
    EXPECT_EQ(r.header("cache-control"), "no-store");
    EXPECT_NE(r.body.find("Serwis chwilowo niedostępny"), std::string::npos);
    expect_no_internal_text(r, kStoreText);
  }
  const auto health = get("/healthz");
  EXPECT_EQ(health.status, 503);
  expect_no_internal_text(health, kStoreText);
  store->heal();
  EXPECT_EQ(get("/").status, 200) << "a failure is not cached";
}

TEST_F(Pipeline, AStoreFailureOnTheEditorsPagesLeaksNoneOfItsText) {
  store->fail_with({ErrorKind::unavailable, kStoreText});
  const auto login =
      request(http::Method::post, "/redakcja/logowanie",
              {{"content-type", "application/x-www-form-urlencoded"}, {"cookie", "bdp_csrf=t0k3n"}},
              "csrf=t0k3n&email=redaktor%40example.org&haslo=sekret");
  EXPECT_EQ(login.status, 503);
  expect_no_internal_text(login, kStoreText);
  const auto forged =
      request(http::Method::post, "/redakcja/logowanie",
              {{"content-type", "application/x-www-form-urlencoded"}, {"cookie", "bdp_csrf=t0k3n"}},
              "csrf=other&email=a%40b.pl&haslo=x");
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(forged.body.find("<h1>Brak dostępu</h1>"), std::string::npos);
}

TEST_F(Pipeline, ALoginWithAPairOfTokensTheClientMadeUpIsRefused) {
  const auto r =
      request(http::Method::post, "/redakcja/logowanie",
              {{"content-type", "application/x-www-form-urlencoded"}, {"cookie", "bdp_csrf=t0k3n"}},
              "csrf=t0k3n&email=redaktor%40example.org&haslo=sekret");
  EXPECT_EQ(r.status, 403);
}

TEST_F(Pipeline, TheLoginFormsTokenComesBackAndAWrongPasswordIsA401WithTheEmailKept) {
  const auto form = get("/redakcja/logowanie");
  ASSERT_EQ(form.status, 200);
  std::string token;
  for (const auto& [name, value] : form.headers) {
    if (name == "set-cookie" && value.starts_with("bdp_csrf=")) {
      token = value.substr(9, value.find(';') - 9);
      // Sent to the English form (/en/redakcja/logowanie) too.
      EXPECT_TRUE(has(value, "; Path=/;")) << value;
    }
  }
  ASSERT_FALSE(token.empty());
  EXPECT_NE(form.body.find("value=\"" + token + "\""), std::string::npos);
  const auto r = request(http::Method::post, "/redakcja/logowanie",
                         {{"content-type", "application/x-www-form-urlencoded"},
                          {"cookie", "bdp_csrf=" + token},
                          {"accept-encoding", "gzip"}},
                         "csrf=" + token + "&email=kto%40example.org&haslo=zle");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("kto@example.org"), std::string::npos);
  EXPECT_FALSE(r.header("content-encoding")) << "a token beside reflected input: never gzipped";
}

TEST_F(Pipeline, FreshEmailsFromOneAddressAreThrottledToo) {
  const auto form = get("/redakcja/logowanie");
  std::string token;
  for (const auto& [name, value] : form.headers) {
    if (name == "set-cookie" && value.starts_with("bdp_csrf=")) {
      token = value.substr(9, value.find(';') - 9);
    }
  }
  std::vector<int> statuses;
  for (int i = 0; i < 22; ++i) {
    statuses.push_back(
        request(http::Method::post, "/redakcja/logowanie",
                {{"content-type", "application/x-www-form-urlencoded"},
                 {"cookie", "bdp_csrf=" + token}},
                "csrf=" + token + "&email=kto" + std::to_string(i) + "%40example.org&haslo=zle")
            .status);
  }
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 20);
  EXPECT_EQ(statuses.back(), 429);
}

TEST_F(Pipeline, EveryAnswerCarriesTheSecurityHeaders) {
  for (const std::string target :
       {"/", "/nie-ma", "/api/v1/suggest?q=o", "/static/css/bdp.css", "/redakcja/logowanie"}) {
    const auto r = get(target);
    SCOPED_TRACE(target);
    EXPECT_EQ(r.header("content-security-policy"), kContentSecurityPolicy);
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.header("x-frame-options"), "DENY");
    EXPECT_EQ(r.header("referrer-policy"), "strict-origin-when-cross-origin");
    EXPECT_TRUE(r.header("permissions-policy"));
    EXPECT_FALSE(r.header("strict-transport-security")) << "the demo base_url is http";
  }
}

TEST(SecurityPolicy, AllowsImagesFromTheTileLayersOriginOnly) {
  EXPECT_EQ(content_security_policy(""), kContentSecurityPolicy);
  EXPECT_EQ(
      content_security_policy("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
      std::string(kContentSecurityPolicy) + "; img-src 'self' https://tile.openstreetmap.org");
  EXPECT_EQ(content_security_policy("https://a.example'; script-src *"), kContentSecurityPolicy);
  EXPECT_EQ(content_security_policy("javascript:alert(1)"), kContentSecurityPolicy);
}

TEST_F(Pipeline, TheLanguageSwitchNeverLeavesTheSite) {
  for (const std::string back : {"/%09/other.host/", "//other.host/", "/%5Cother.host",
                                 "https://other.host/", "/%0D%0ASet-Cookie:%20x=1", "/%00"}) {
    const auto r = get("/jezyk/en?wroc=" + back);
    EXPECT_EQ(r.status, 303) << back;
    EXPECT_EQ(r.header("location"), "/en/") << back;
  }
  EXPECT_EQ(get("/jezyk/en?wroc=/dzialy/kultura%3Fstrona%3D2").header("location"),
            "/en/dzialy/kultura?strona=2");
}

TEST_F(Pipeline, ACachedPageLinksTheLanguageSwitchToItsOwnAddressNotTheFirstVisitors) {
  const auto first = get("/deklaracja-dostepnosci?utm_source=newsletter");
  ASSERT_EQ(first.status, 200);
  const auto later = get("/deklaracja-dostepnosci");
  EXPECT_EQ(later.body.find("utm_source"), std::string::npos);
  EXPECT_NE(later.body.find("/jezyk/en?wroc=/deklaracja-dostepnosci\""), std::string::npos);
}

TEST_F(Pipeline, PostsAndBotsAreNoVisitors) {
  const long long before = total_seen_by("first");
  get("/", {{"user-agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"}});
  get("/", {{"user-agent", "curl/7.88.1"}});
  get("/", {});
  EXPECT_EQ(total_seen_by("first"), before);
}

TEST_F(Pipeline, AStoreFailureOfAnInternalKindIsA500PageInTheVisitorsLanguage) {
  store->fail_with({ErrorKind::internal, kStoreText});
  const auto r = get("/en/jednostki/srem-wielkopolskie");
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("<h1>Server error</h1>"), std::string::npos);
  expect_no_internal_text(r, kStoreText);
}

TEST_F(Pipeline, ASearchFailureIsProblemDetailsForTheApiAndAPageForPeopleWithoutItsText) {
  for (const auto kind : {ErrorKind::internal, ErrorKind::unavailable}) {
    search->failure = Error{kind, kSearchText};
    for (const std::string target : {"/api/v1/search?q=x", "/api/v1/suggest?q=x"}) {
      const auto r = get(target);
      SCOPED_TRACE(target);
      EXPECT_EQ(r.status, http_status_for(kind));
      EXPECT_EQ(r.header("content-type"), "application/problem+json");
      const auto j = json_of(r);
      EXPECT_EQ(j["status"], http_status_for(kind));
      EXPECT_EQ(j["code"], to_string(kind));
      expect_no_internal_text(r, kSearchText);
    }
    const auto page = get("/szukaj?q=x");
    EXPECT_EQ(page.status, http_status_for(kind));
    EXPECT_NE(page.body.find("Wyszukiwarka jest chwilowo niedostępna."), std::string::npos);
    expect_no_internal_text(page, kSearchText);
    // The practice page lists similar practices from search: without them it still shows.
    const auto practice = get(practice_path_of(1));
    EXPECT_EQ(practice.status, 200);
    expect_no_internal_text(practice, kSearchText);
  }
}

TEST_F(Pipeline, ATooLongQueryIsExplainedInBothFormats) {
  search->failure = Error{ErrorKind::invalid_input, "query of 10000 bytes is over 4096"};
  const auto api = get("/api/v1/search?q=aaaa");
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(json_of(api)["detail"], "Zapytanie jest za długie. Skróć je do kilku słów.");
  const auto page = get("/szukaj?q=aaaa");
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("Zapytanie jest za długie"), std::string::npos);
  EXPECT_EQ(page.body.find("10000 bytes"), std::string::npos);
}

}  // namespace
}  // namespace bdp::web
