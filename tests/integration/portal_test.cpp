// End to end: the built `bdp serve` on a fresh database with the demo data, over HTTP, on every
// engine (SQLite; PostgreSQL when the test script started one).
#include <gtest/gtest.h>

#include <atomic>
#include <regex>

#include "../http/gunzip.h"
#include "../http/unbrotli.h"
#include "bdp_process.h"

namespace bdp::testing {
namespace {

class Portal : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
  }
  void TearDown() override {
    server.reset();
    db.reset();
  }
  // The body of a 200 answer to GET `target`, following one redirect.
  std::string page(const std::string& target) {
    auto r = server->get(target);
    EXPECT_TRUE(r.has_value());
    if (!r) return {};
    if (r->status == 301 || r->status == 303) {
      r = server->get(r->header("location").value_or("/"));
      if (!r) return {};
    }
    EXPECT_EQ(r->status, 200) << target;
    return r->body;
  }
  std::string first_link(const std::string& html, const std::string& prefix) {
    std::smatch m;
    std::regex link("href=\"(" + prefix + "[^\"?]*)");
    return std::regex_search(html, m, link) ? m[1].str() : std::string();
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<BdpServer> server;
};

// The Metryka of a seed page: "Label:  value" lines between "Metryka praktyki" and the closing
// marker, contact lines folded into the previous field.
std::vector<std::pair<std::string, std::string>> seed_metryka(const std::string& file) {
  // The seed pages of ../shared/seeds/, kept byte for byte in the repository.
  std::istringstream in(read_file(std::string(BDP_SOURCE_DIR) + "/tests/legacy/fixtures/" + file));
  std::vector<std::pair<std::string, std::string>> fields;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    line = std::regex_replace(line, std::regex("\u00a0"), " ");  // the old pages pad with NBSP
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.starts_with("Metryka praktyki"))
      inside = true;
    else if (inside && line.starts_with(".:"))
      break;
    else if (inside && line.starts_with(" ") && !fields.empty())
      fields.push_back({fields.back().first, line.substr(line.find_first_not_of(' '))});
    else if (inside && line.find(':') != std::string::npos) {
      const auto colon = line.find(':');
      auto value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      fields.push_back({line.substr(0, colon), value});
    }
  }
  return fields;
}

// The value as the new page shows it: the old pages' quirks are normalised on purpose
// (DESIGN.md §1.1): "40.333" → "40 333", the "e@mail:" prefix dropped, the county in lower
// case as the voivodeship.
std::string as_shown(const std::string& label, std::string value) {
  if (label == "Liczba mieszkańców") value = std::regex_replace(value, std::regex("\\."), "\u00a0");
  if (value.starts_with("e@mail: ")) value = value.substr(8);
  if (value.starts_with("tel. ")) value = value.substr(5);
  if (label == "Powiat") value = "śremski";
  return value;
}

TEST_P(Portal, EveryMetrykaFieldOfBothSeedsShowsOnItsPage) {
  const auto home = page("/");
  for (const auto& [file, id] :
       {std::pair{"000_1196ef917f521a9f.txt", "1"}, std::pair{"002_4fc2ead593ecafaa.txt", "2"}}) {
    const auto html = page(first_link(home, std::string("/praktyki/") + id + "-"));
    const auto fields = seed_metryka(file);
    ASSERT_GE(fields.size(), 10u) << file;
    for (const auto& [label, value] : fields) {
      const std::string shown_label =
          label == "Wirtyna internetowa" ? "Witryna internetowa" : label;
      EXPECT_NE(html.find("<dt>" + shown_label + ":</dt>"), std::string::npos)
          << file << ": " << label;
      if (label == "Typ jednostki") {
        // The unit is one record (Śrem): its type is the one the newest page gives, so the
        // 2011 page's "gmina miejska" is shown corrected (DESIGN.md §1.1: "one is wrong").
        EXPECT_NE(html.find("<dd>gmina miejsko-wiejska</dd>"), std::string::npos);
        continue;
      }
      const auto shown = as_shown(label, value);
      EXPECT_NE(html.find(shown), std::string::npos) << file << ": " << label << " = " << shown;
    }
  }
}

TEST_P(Portal, JourneyHomeSectionPracticeBothViewsUnit) {
  const auto home = page("/");
  EXPECT_NE(home.find("Najnowsze praktyki"), std::string::npos);
  EXPECT_NE(home.find("2 praktyki"), std::string::npos);
  const auto section = page("/dzialy/uslugi-spoleczne");
  EXPECT_NE(section.find("Program aktywności lokalnej w gminie Śrem"), std::string::npos)
      << "a section lists the practices of its subsections";
  const auto practice_href = first_link(section, "/praktyki/2-");
  ASSERT_FALSE(practice_href.empty());
  const auto summary = page(practice_href);
  EXPECT_NE(
      summary.find("Usługi społeczne</a> : <a href=\"/dzialy/pomoc-spoleczna\">Pomoc społeczna"),
      std::string::npos);
  const auto full = page(practice_href + "/pelna-prezentacja");
  EXPECT_NE(full.find("aria-current=\"page\">Pełna prezentacja"), std::string::npos);
  const auto unit = page(first_link(summary, "/jednostki/"));
  EXPECT_NE(unit.find("Ożywienie mechanizmów partnerstwa lokalnego"), std::string::npos);
  EXPECT_NE(unit.find("43\u00a0061"), std::string::npos);
  EXPECT_NE(unit.find("40\u00a0333"), std::string::npos);
}

TEST_P(Portal, SortsByTitleWithPolishCollation) {
  const auto by_title = page("/dzialy/uslugi-spoleczne?sort=tytul");
  EXPECT_NE(by_title.find("selected>alfabetycznie"), std::string::npos);
  EXPECT_EQ(server->get("/dzialy/uslugi-spoleczne?sort=xyz")->status, 400);
  EXPECT_EQ(server->get("/dzialy/uslugi-spoleczne?strona=0")->status, 400);
  EXPECT_EQ(server->get("/dzialy/uslugi-spoleczne?strona=99")->status, 404);
}

TEST_P(Portal, SearchPagesAreNumberedWithStronaAsSectionsAre) {
  EXPECT_EQ(server->get("/szukaj?q=srem")->status, 200);
  EXPECT_EQ(server->get("/szukaj?q=srem&strona=99")->status, 404);
  EXPECT_EQ(server->get("/szukaj?q=srem&strona=0")->status, 400);
  const auto old = server->get("/szukaj?q=srem&page=2");
  EXPECT_EQ(old->status, 301);
  EXPECT_EQ(old->header("location"), "/szukaj?strona=2&q=srem");
}

TEST_P(Portal, AnswersUnknownPagesWithA404PageAndOtherMethodsWith405) {
  auto r = server->get("/nie-ma-takiej-strony");
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("Nie znaleziono strony"), std::string::npos);
  EXPECT_EQ(server->get("/praktyki/99999-x")->status, 404);
  EXPECT_EQ(server->get("/praktyki/abc")->status, 404);
  EXPECT_EQ(server->get("/jednostki/nie-ma")->status, 404);
  auto post = server->request(get_request("/", "Content-Length: 0\r\n", "POST"));
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->header("allow"), "GET, HEAD");
}

TEST_P(Portal, MalformedRequestsGetA4xxAndTheServerStaysUp) {
  for (const std::string& raw : std::vector<std::string>{
           std::string("GARBAGE\r\n\r\n"), std::string("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
           std::string("GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"),
           "GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(64 << 10, 'a') + "\r\n\r\n",
           std::string("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")}) {
    auto r = server->request(raw);
    ASSERT_TRUE(r.has_value());
    EXPECT_GE(r->status, 400);
    EXPECT_LT(r->status, 500);
  }
  EXPECT_EQ(server->get("/")->status, 200);
}

TEST_P(Portal, ServesGzipETagsAnd304AndHead) {
  auto r = server->get("/", "Accept-Encoding: gzip\r\n");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->header("content-encoding"), "gzip");
  const auto body = http::testing::gunzip(r->body);
  ASSERT_TRUE(body.has_value());
  EXPECT_NE(body->find("</html>"), std::string::npos);
  const auto etag = r->header("etag").value_or("");
  ASSERT_FALSE(etag.empty());
  auto again = server->get("/", "Accept-Encoding: gzip\r\nIf-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto head = server->request(get_request("/", {}, "HEAD"), true);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_NE(head->header("content-length").value_or("0"), "0");
  auto css = server->get(first_link(page("/"), "/static/css/"));
  EXPECT_EQ(css->status, 200);
  EXPECT_NE(css->header("cache-control").value_or("").find("immutable"), std::string::npos);
  auto health = server->get("/healthz");
  EXPECT_NE(health->body.find("\"status\":\"ok\""), std::string::npos);
}

TEST_P(Portal, ServesBrotliToABrowsersAcceptEncodingAndGzipWhenBrotliIsRefused) {
  const auto plain = server->get("/");
  ASSERT_EQ(plain->status, 200);
  const auto br = server->get("/", "Accept-Encoding: gzip, deflate, br\r\n");
  ASSERT_EQ(br->status, 200);
  EXPECT_EQ(br->header("content-encoding"), "br");
  EXPECT_EQ(http::testing::unbrotli(br->body), plain->body);
  const auto gz = server->get("/", "Accept-Encoding: gzip, br;q=0\r\n");
  EXPECT_EQ(gz->header("content-encoding"), "gzip");
  EXPECT_LT(br->body.size(), gz->body.size());
}

TEST_P(Portal, LanguageSwitchKeepsThePage) {
  auto r = server->get("/jezyk/en?wroc=/dzialy/kultura");
  ASSERT_EQ(r->status, 303);
  EXPECT_EQ(r->header("location"), "/en/dzialy/kultura");
  EXPECT_NE(r->header("set-cookie").value_or("").find("lang=en"), std::string::npos);
  auto en = server->get("/en/dzialy/kultura");
  EXPECT_NE(en->body.find(R"(<html lang="en" data-root="/en">)"), std::string::npos);
  EXPECT_NE(en->body.find("No practices in this section yet."), std::string::npos);
  EXPECT_EQ(server->get("/jezyk/en?wroc=//evil.example")->header("location"), "/en/");
  EXPECT_EQ(server->get("/jezyk/pl?wroc=https://evil.example")->header("location"), "/");
}

// N distinct visitors hitting in parallel add exactly N; a returning visitor adds nothing.
TEST_P(Portal, VisitorCounterIsExactUnderConcurrentLoad) {
  const auto count = [&](const std::string& ua) {
    return shown_visitor_total(*server, as_visitor(ua));
  };
  const long long before = count("first-visitor");
  ASSERT_GT(before, 1756567);  // the configured base carried over from the old portal
  constexpr int kVisitors = 64;
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < kVisitors; i += 8) {
        for (int repeat = 0; repeat < 3; ++repeat) {  // each visitor comes back twice
          auto r = server->get("/", as_visitor("visitor-" + std::to_string(i)));
          if (!r || r->status != 200) ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count("first-visitor"), before + kVisitors);
}

TEST_P(Portal, StopsGracefullyOnSigterm) {
  EXPECT_EQ(server->stop(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, Portal, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
