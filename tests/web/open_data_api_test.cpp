// The read API under /api/v1/ through the whole pipeline on the demo data: the OpenAPI document
// names every route and each of its examples is what the server answers; cursor paging, filters,
// problem details, ETag/304, CORS, the rate limit; the dumps under /dane/.
#include <gtest/gtest.h>

#include <regex>

#include "../support/portal_fixture.h"
#include "opendata/digest.h"

namespace bdp::testing {
namespace {

using OpenDataApi = PortalFixture;

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
            opendata::sha256sum_line(csv.body, "praktyki.csv"));
  const auto gz = get("/dane/praktyki.jsonl.gz");
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(get("/dane/praktyki.jsonl.gz.sha256").body,
            opendata::sha256sum_line(gz.body, "praktyki.jsonl.gz"));
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
            opendata::sha256sum_line(changed.body, "praktyki.csv"));
}

}  // namespace
}  // namespace bdp::testing
