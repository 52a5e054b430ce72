// The read API under /api/v1/ through the whole pipeline on the demo data: the OpenAPI document
// names every route and each of its examples is what the server answers; cursor paging, filters,
// problem details, ETag/304, CORS, the rate limit; the dumps under /dane/.
#include <gtest/gtest.h>

#include <regex>

#include "../store/byte_samples.h"
#include "../support/portal_fixture.h"
#include "opendata/digest.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNewYear2014 = 1388534400;

AuditEntry cli_audit(std::string action) {
  return {0, kNewYear2014, std::nullopt, "cli", std::move(action), "", ""};
}

// The demo data and one document of the library, with a second version withdrawn.
class OpenDataApi : public PortalFixture {
 protected:
  void SetUp() override {
    PortalFixture::SetUp();
    auto& library = sqlite->documents();
    Document d;
    d.title = "Sprawozdanie ze współpracy z organizacjami pozarządowymi";
    d.description = "Za rok 2013.";
    d.year = 2013;
    d.kind = DocumentKind::raport;
    d.tags = {"NGO"};
    d.unit_ids = {1};
    d.practice_ids = {1};
    auto id = library.save_document(d, cli_audit("document:add"));
    ASSERT_TRUE(id);
    for (const char* bytes : {"%PDF-1.4 sprawozdanie", "%PDF-1.4 poprawione"}) {
      StringSource source(bytes);
      ASSERT_TRUE(library.add_version({*id, "sprawozdanie-2013.pdf", "pdf", kNewYear2014, "cli"},
                                      source, cli_audit("version:add")));
    }
    auto stored = library.document(*id);
    ASSERT_TRUE(stored);
    ASSERT_TRUE(library.withdraw_version(stored->versions.back().id, kNewYear2014, "cli", "pomyłka",
                                         cli_audit("version:withdraw")));
  }
};

nlohmann::json openapi_document() {
  return nlohmann::json::parse(
      read_text_file(std::string(BDP_SOURCE_DIR) + "/assets/api/openapi.json"));
}

TEST_F(OpenDataApi, EveryRouteUnderApiV1IsInTheDocument) {
  const auto doc = openapi_document();
  int checked = 0;
  for (const auto& [method, pattern] : portal->route_patterns()) {
    if (!pattern.starts_with("/api/v1/") || method != http::Method::get) continue;
    const auto path = pattern.substr(std::string("/api/v1").size());
    ASSERT_TRUE(doc["paths"].contains(path)) << pattern << " is not in openapi.json";
    EXPECT_TRUE(doc["paths"][path].contains("get")) << pattern;
    ++checked;
  }
  EXPECT_GE(checked, 6);
}

// `value` with every "updated_at" text replaced by a placeholder: the store stamps the demo
// practices with the time they were loaded, so that field can only be compared by its form.
nlohmann::json without_load_times(nlohmann::json value) {
  if (value.is_object()) {
    for (auto& [key, item] : value.items()) {
      if (key == "updated_at" && item.is_string()) {
        EXPECT_TRUE(std::regex_match(item.get<std::string>(),
                                     std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
        item = "<load time>";
      } else {
        item = without_load_times(item);
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) item = without_load_times(item);
  }
  return value;
}

TEST_F(OpenDataApi, EveryExampleIsWhatTheServerAnswers) {
  const auto doc = openapi_document();
  int compared = 0;
  for (const auto& [path, item] : doc["paths"].items()) {
    const auto none = nlohmann::json::object();
    for (const auto& [status, response] : item.at("get").at("responses").items()) {
      // Shared responses ($ref) carry no examples.
      const auto contents = response.value("content", none);
      for (const auto& [type, content] : contents.items()) {
        const auto examples = content.value("examples", none);
        for (const auto& [name, example] : examples.items()) {
          SCOPED_TRACE(path + " " + status + " " + name);
          const std::string target = example.at("x-request");
          const auto r = get(target);
          EXPECT_EQ(std::to_string(r.status), status);
          EXPECT_EQ(r.header("content-type").value_or(""), type);
          EXPECT_EQ(without_load_times(json_of(r)), without_load_times(example.at("value")));
          ++compared;
        }
      }
    }
  }
  EXPECT_GE(compared, 6);
}

TEST_F(OpenDataApi, CursorPagesFollowNextToTheEnd) {
  auto first = json_of(get("/api/v1/practices?limit=1"));
  ASSERT_EQ(first["items"].size(), 1U);
  EXPECT_EQ(first["items"][0]["id"], 1);
  EXPECT_EQ(first["next_cursor"], "1");
  EXPECT_EQ(first["next"], "http://127.0.0.1:8080/api/v1/practices?limit=1&cursor=1");
  auto second = json_of(get("/api/v1/practices?limit=1&cursor=1"));
  ASSERT_EQ(second["items"].size(), 1U);
  EXPECT_EQ(second["items"][0]["id"], 2);
  EXPECT_TRUE(second["next_cursor"].is_null());
  EXPECT_TRUE(second["next"].is_null());
}

TEST_F(OpenDataApi, FiltersAndModifiedSince) {
  EXPECT_EQ(json_of(get("/api/v1/practices?section=1"))["items"].size(), 1U);  // via Pomoc
  EXPECT_EQ(json_of(get("/api/v1/practices?voivodeship=wielkopolskie"))["items"].size(), 2U);
  EXPECT_EQ(json_of(get("/api/v1/practices?voivodeship=opolskie"))["items"].size(), 0U);
  EXPECT_EQ(json_of(get("/api/v1/practices?modified_since=2999-01-01"))["items"].size(), 0U);
}

TEST_F(OpenDataApi, BadParametersAreProblemDetails) {
  for (const char* target :
       {"/api/v1/practices?limit=101", "/api/v1/practices?limit=0", "/api/v1/practices?cursor=x",
        "/api/v1/practices?modified_since=yesterday", "/api/v1/practices?section=999"}) {
    SCOPED_TRACE(target);
    const auto r = get(target);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.header("content-type").value_or(""), "application/problem+json");
    EXPECT_EQ(json_of(r)["code"], "invalid_input");
    EXPECT_EQ(r.header("access-control-allow-origin").value_or(""), "*");
  }
  EXPECT_EQ(get("/api/v1/practices/999").status, 404);
  EXPECT_EQ(get("/api/v1/practices/abc").status, 404);
  EXPECT_EQ(get("/api/v1/units/999").status, 404);
  EXPECT_EQ(get("/api/v1/documents/999").status, 404);
}

TEST_F(OpenDataApi, WordsAndSearchOnlyFiltersSelectThroughTheIndex) {
  search->matching = {2};
  const auto words = json_of(get("/api/v1/practices?q=seniorzy"));
  ASSERT_EQ(words["items"].size(), 1U);
  EXPECT_EQ(words["items"][0]["id"], 2);
  // 99: matched by an index running ahead of this store; left out. Paged by cursor as always.
  search->matching = {1, 2, 99};
  const auto first = json_of(get("/api/v1/practices?population=20k-50k&limit=1"));
  ASSERT_EQ(first["items"].size(), 1U);
  EXPECT_EQ(first["items"][0]["id"], 1);
  EXPECT_EQ(first["next"],
            "http://127.0.0.1:8080/api/v1/practices?limit=1&population=20k-50k&cursor=1");
  const auto second = json_of(get("/api/v1/practices?population=20k-50k&limit=1&cursor=1"));
  ASSERT_EQ(second["items"].size(), 1U);
  EXPECT_EQ(second["items"][0]["id"], 2);
  EXPECT_TRUE(second["next"].is_null());
  EXPECT_EQ(json_of(get("/api/v1/practices?q=x&modified_since=2999-01-01"))["items"].size(), 0U);
  // Unpublished practices stay out, whatever the index says.
  auto p = sqlite->practice(2);
  ASSERT_TRUE(p);
  p->status = PracticeStatus::draft;
  ASSERT_TRUE(sqlite->save_practice(*p));
  EXPECT_EQ(json_of(get("/api/v1/practices?q=x"))["items"].size(), 1U);
  search->failure = Error{ErrorKind::unavailable, "index closed"};
  EXPECT_EQ(get("/api/v1/practices?q=x").status, 503);
  EXPECT_EQ(get("/api/v1/practices").status, 200);  // no search asked: the database alone
}

TEST_F(OpenDataApi, ADocumentShowsOnlyItsVersionsNotWithdrawn) {
  const auto list = json_of(get("/api/v1/documents"));
  ASSERT_EQ(list["items"].size(), 1U);
  const auto& d = list["items"][0];
  EXPECT_EQ(d, json_of(get("/api/v1/documents/1")));
  EXPECT_EQ(d["url"],
            "http://127.0.0.1:8080/publikacje/"
            "1-sprawozdanie-ze-wspolpracy-z-organizacjami-pozarzadowymi");
  EXPECT_EQ(d["file_url"], "http://127.0.0.1:8080/publikacje/1/plik");
  EXPECT_EQ(d["created_at"], "2014-01-01T00:00:00Z");
  ASSERT_EQ(d["versions"].size(), 1U);
  EXPECT_EQ(d["versions"][0]["number"], 1);
  EXPECT_EQ(d["versions"][0]["sha256"], opendata::sha256_hex("%PDF-1.4 sprawozdanie"));
  EXPECT_EQ(d["versions"][0]["url"], "http://127.0.0.1:8080/publikacje/1/wersje/1");
  // With its only version withdrawn, a document is no longer public.
  auto stored = sqlite->documents().document(1);
  ASSERT_TRUE(stored);
  ASSERT_TRUE(sqlite->documents().withdraw_version(stored->versions.front().id, kNewYear2014, "cli",
                                                   "nieaktualne", cli_audit("version:withdraw")));
  EXPECT_EQ(json_of(get("/api/v1/documents"))["items"].size(), 0U);
  EXPECT_EQ(get("/api/v1/documents/1").status, 404);
}

TEST_F(OpenDataApi, SearchAndSuggestAreBehindTheSameGate) {
  config.limits.api_requests_per_minute = 2;
  start(demo_dataset());
  EXPECT_EQ(get("/api/v1/search?q=x").header("access-control-allow-origin").value_or(""), "*");
  EXPECT_EQ(get("/api/v1/suggest?q=x").header("access-control-allow-origin").value_or(""), "*");
  // The third request of this client, whichever route: over its limit.
  const auto r = get("/api/v1/practices.geojson");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("access-control-allow-origin").value_or(""), "*");
  EXPECT_EQ(request(http::Method::options, "/api/v1/search").status, 204);
}

TEST_F(OpenDataApi, OnlyPublishedPracticesAreShown) {
  auto p = sqlite->practice(2);
  ASSERT_TRUE(p);
  p->status = PracticeStatus::draft;
  ASSERT_TRUE(sqlite->save_practice(*p));
  EXPECT_EQ(get("/api/v1/practices/2").status, 404);
  EXPECT_EQ(json_of(get("/api/v1/practices"))["items"].size(), 1U);
  EXPECT_EQ(json_of(get("/api/v1/units/1"))["practice_ids"], nlohmann::json({1}));
}

TEST_F(OpenDataApi, EtagRevalidatesTo304) {
  const auto r = get("/api/v1/units");
  ASSERT_EQ(r.status, 200);
  const auto etag = std::string(r.header("etag").value_or(""));
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(get("/api/v1/units", {{"if-none-match", etag}}).status, 304);
}

TEST_F(OpenDataApi, AnyOriginMayReadAndPreflightAllowsIfNoneMatch) {
  EXPECT_EQ(get("/api/v1/sections").header("access-control-allow-origin").value_or(""), "*");
  const auto pre = request(http::Method::options, "/api/v1/practices/1");
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.header("access-control-allow-origin").value_or(""), "*");
  EXPECT_EQ(pre.header("access-control-allow-headers").value_or(""), "If-None-Match");
}

TEST_F(OpenDataApi, AClientOverItsRateLimitIsAnswered429WithRetryAfter) {
  config.limits.api_requests_per_minute = 3;
  start(demo_dataset());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/api/v1/sections").status, 200);
  const auto r = get("/api/v1/sections");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("content-type").value_or(""), "application/problem+json");
  const int wait = std::stoi(std::string(r.header("retry-after").value_or("0")));
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 60);
  // Another client is not limited by this one.
  EXPECT_EQ(request(http::Method::get, "/api/v1/sections", {}, {}, "192.0.2.2").status, 200);
}

TEST_F(OpenDataApi, DumpsWithTheirChecksumsFollowTheContent) {
  const auto csv = get("/dane/praktyki.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type").value_or(""), "text/csv; charset=utf-8; header=present");
  EXPECT_TRUE(csv.body.starts_with("id,url,title,"));
  EXPECT_EQ(get("/dane/praktyki.csv.sha256").body,
            opendata::sha256sum_line(opendata::sha256_hex(csv.body), "praktyki.csv"));
  const auto gz = get("/dane/praktyki.jsonl.gz");
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(get("/dane/praktyki.jsonl.gz.sha256").body,
            opendata::sha256sum_line(opendata::sha256_hex(gz.body), "praktyki.jsonl.gz"));
  EXPECT_TRUE(get("/dane/praktyki-slownik.csv").body.starts_with("pole,typ,opis,description\r\n"));
  // The same revision gives the same bytes; a change of the content, new ones.
  EXPECT_EQ(get("/dane/praktyki.csv").header("etag"), csv.header("etag"));
  auto p = sqlite->practice(1);
  ASSERT_TRUE(p);
  p->title = "Nowy tytuł";
  ASSERT_TRUE(sqlite->save_practice(*p));
  portal->on_changes();  // as the change follower does
  const auto changed = get_until("/dane/praktyki.csv", [&](const http::Response& r) {
    return r.header("etag") != csv.header("etag");
  });
  EXPECT_NE(changed.body.find("Nowy tytuł"), std::string::npos);
  EXPECT_EQ(get("/dane/praktyki.csv.sha256").body,
            opendata::sha256sum_line(opendata::sha256_hex(changed.body), "praktyki.csv"));
}

}  // namespace
}  // namespace bdp::testing
