// PortalFixture: the whole request pipeline in-process — a Portal over the real SQLite store on
// an in-memory database seeded with data/demo.json, wrapped in a FailingStore (to inject storage
// failures) and a FakeSearch (to give results or inject failures) — and helpers that read what
// a client receives as values: status, headers, parsed JSON, the Metryka's label/value pairs.
// Test-only; header-only (tests/support has no CMake entry).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "exchange/exchange.h"
#include "failing_store.h"
#include "http/finalize.h"
#include "http/target.h"
#include "store/store.h"
#include "web/portal.h"
#include "web/search_source.h"

namespace bdp::testing {

// The hit a fake search answers in the tests: practice 2 "Program aktywności" in Śrem.
inline search::Hit sample_hit() {
  search::Hit hit;
  hit.id = 2;
  hit.title = "Program aktywności";
  hit.slug = "program";
  hit.place = "Śrem";
  hit.entered_on = "2013-01-01";
  hit.score = 1;
  return hit;
}

// A SearchSource answering from values set by the test, or failing with `failure` when set.
class FakeSearch final : public web::SearchSource {
 public:
  std::optional<Error> failure;
  search::SearchResults results;
  std::vector<search::Suggestion> suggestions;
  std::vector<search::Hit> similar_hits;
  std::vector<std::int64_t> matching;       // what matching_ids answers (the map's filters)
  std::optional<search::Query> last_query;  // what the last search() was asked

  Result<search::SearchResults> search(const search::Query& query) override {
    last_query = query;
    if (failure) return std::unexpected(*failure);
    return results;
  }
  Result<std::vector<std::int64_t>> matching_ids(const search::Query&) override {
    if (failure) return std::unexpected(*failure);
    return matching;
  }
  Result<std::vector<search::Suggestion>> suggest(std::string_view, int) override {
    if (failure) return std::unexpected(*failure);
    return suggestions;
  }
  Result<std::vector<search::Hit>> similar(std::int64_t, int) override {
    if (failure) return std::unexpected(*failure);
    return similar_hits;
  }
  Result<std::vector<search::Hit>> units_like(std::int64_t, int) override {
    if (failure) return std::unexpected(*failure);
    return std::vector<search::Hit>{};
  }
};

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The demo dataset every fresh portal starts with (data/demo.json).
inline Dataset demo_dataset() {
  auto data = exchange::from_json(read_text_file(std::string(BDP_SOURCE_DIR) + "/data/demo.json"));
  EXPECT_TRUE(data) << data.error().message;
  return data ? *data : Dataset{};
}

class PortalFixture : public ::testing::Test {
 protected:
  void SetUp() override { start(demo_dataset()); }

  // A fresh in-memory database holding `data`, and a portal over it.
  void start(const Dataset& data) {
    portal.reset();  // before the store it borrows (its visitor counter writes on the way out)
    auto opened = open_store("sqlite::memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    sqlite = std::move(*opened);
    ASSERT_TRUE(sqlite->migrate());
    auto loaded = sqlite->load(data);
    ASSERT_TRUE(loaded) << loaded.error().message;
    store = std::make_unique<FailingStore>(*sqlite);
    auto fake = std::make_unique<FakeSearch>();
    search = fake.get();
    web::PortalOptions options;
    options.config = config;
    options.assets_dir = std::string(BDP_SOURCE_DIR) + "/assets";
    options.gazetteer = std::string(BDP_SOURCE_DIR) + "/data/gazetteer.json";
    auto created = web::Portal::create(*store, std::move(fake), std::move(options));
    ASSERT_TRUE(created) << created.error().message;
    portal = std::move(*created);
  }

  // What a client receives for `method target` with `headers` ({"name", "value"}, names lower
  // case): the pipeline's answer after the server's finishing stages (compression, 304).
  http::Response request(http::Method method, const std::string& target, http::Headers headers = {},
                         std::string body = {}, std::string remote = "192.0.2.1") {
    http::Request r;
    r.method = method;
    r.target = target;
    EXPECT_TRUE(http::parse_target(target, r.path, r.query)) << target;
    r.headers = std::move(headers);
    r.body = std::move(body);
    r.remote_address = std::move(remote);
    auto response = portal->handle(r);
    // As the server does: deferred work (a password check) gives the answer.
    if (response.deferred) response = response.deferred();
    http::finalize_response(r, response);
    return response;
  }
  http::Response get(const std::string& target, http::Headers headers = {}) {
    return request(http::Method::get, target, std::move(headers));
  }
  // GETs `target` every 10 ms until `done` holds for the answer (what is built in the
  // background), for at most 10 s; the last answer.
  http::Response get_until(const std::string& target,
                           const std::function<bool(const http::Response&)>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    auto r = get(target);
    while (!done(r) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      r = get(target);
    }
    return r;
  }

  // The body parsed as JSON (a failed parse fails the test and gives null).
  static nlohmann::json json_of(const http::Response& r) {
    auto j = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << r.body.substr(0, 200);
    return j;
  }

  // The Metryka of a practice page: each <dt>label:</dt> with the text of its <dd>, in order.
  static std::vector<std::pair<std::string, std::string>> metryka(const std::string& html) {
    std::vector<std::pair<std::string, std::string>> fields;
    static const std::regex field(
        "<dt>([^<]*):</dt><dd(?: lang=\"pl\")?>((?:(?!</dd>)[\\s\\S])*)</dd>");
    static const std::regex tags("<[^>]*>");
    for (std::sregex_iterator it(html.begin(), html.end(), field), end; it != end; ++it) {
      fields.emplace_back((*it)[1].str(), std::regex_replace((*it)[2].str(), tags, ""));
    }
    return fields;
  }

  // The visitor total shown in a page's counter sentence ("<strong>1 234</strong>"), digits only.
  static long long shown_counter(const std::string& html) {
    static const std::regex strong("class=\"counter\"><strong>([^<]*)</strong>");
    std::smatch m;
    if (!std::regex_search(html, m, strong)) return -1;
    std::string digits;
    for (char c : m[1].str()) {
      if (c >= '0' && c <= '9') digits += c;
    }
    return digits.empty() ? -1 : std::stoll(digits);
  }

  web::SiteConfig config;  // of the portal start() creates
  std::unique_ptr<Store> sqlite;
  std::unique_ptr<FailingStore> store;
  FakeSearch* search = nullptr;  // owned by the portal
  std::unique_ptr<web::Portal> portal;
};

}  // namespace bdp::testing
