// The read API under /api/v1/ (described by assets/api/openapi.json, served at
// /api/v1/openapi.json): published practices in cursor pages with the words and filters of
// search and modified_since, one practice, units, sections, the library's public documents; each
// behind the API gate (api_gate.h: rate limit, CORS) and with an ETag (finalize_response answers
// 304).
#include <algorithm>
#include <set>

#include "opendata/api_json.h"
#include "opendata/api_query.h"
#include "opendata/columns.h"
#include "search/query.h"
#include "web/open_data_routes.h"

namespace bdp::web {
namespace {

using json = nlohmann::ordered_json;
constexpr int kApiMaxAge = 60;

http::Response json_answer(const json& value) {
  return etagged_response(opendata::json_text(value), "application/json", kApiMaxAge);
}

std::optional<std::int64_t> id_param(const Params& p) {
  const std::string& text = p.at("id");
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(text);
}

Error no_such(const std::string& what) {
  return Error{ErrorKind::not_found, "no " + what};
}

// Whether the request names words or a filter only search knows (county, population band,
// year, programme): its practices are then those the search index matches.
bool asks_search(const std::multimap<std::string, std::string>& parameters) {
  return std::any_of(parameters.begin(), parameters.end(), [](const auto& parameter) {
    static const std::set<std::string> kSearchOnly = {"q", "county", "population", "year",
                                                      "programme"};
    return !parameter.second.empty() && kSearchOnly.contains(parameter.first);
  });
}

// One page of practices, and the id the next one starts after (none on the last page).
struct ApiPage {
  std::vector<Practice> items;
  std::optional<std::int64_t> next_after;
};

// How many matched ids one request reads at most: a page whose filters skip many (a recent
// modified_since) ends early with a cursor, so no request walks the whole index.
constexpr int kMaxIdsRead = 500;

// The published practices among `ids` (ascending) after the cursor, modified since the time
// asked for, at most `query.limit` of them; fewer, with a cursor, when kMaxIdsRead ran out.
Result<ApiPage> practices_among(Store& store, const std::vector<std::int64_t>& ids,
                                const PublishedQuery& query) {
  ApiPage page;
  int read = 0;
  for (auto id = std::upper_bound(ids.begin(), ids.end(), query.after_id); id != ids.end(); ++id) {
    if (read++ == kMaxIdsRead) {
      page.next_after = *(id - 1);  // read up to here; the rest is for the next page
      break;
    }
    auto found = store.practice(*id);
    if (!found && found.error().kind == ErrorKind::not_found) continue;  // the index runs behind
    if (!found) return std::unexpected(found.error());
    if (found->status != PracticeStatus::published) continue;
    if (found->updated_at < query.modified_since) continue;
    page.items.push_back(std::move(*found));
    if (static_cast<int>(page.items.size()) > query.limit) {  // one more: there is a next page
      page.items.pop_back();
      page.next_after = page.items.back().id;
      break;
    }
  }
  return page;
}

// The page of `query`: from the store, or among what search matches when it is asked.
Result<ApiPage> practices_page(Site& site, const Visit& v, PublishedQuery query) {
  if (asks_search(v.request.query)) {
    if (!site.search) {
      return fail(ErrorKind::unavailable, "search index is not open", "search.unavailable");
    }
    auto ids = site.search->matching_ids(search::query_from_parameters(v.request.query));
    if (!ids) return std::unexpected(ids.error());
    return practices_among(site.store, *ids, query);
  }
  const int limit = query.limit;
  ++query.limit;  // one more tells whether there is a next page
  auto items = site.store.published_practices(query);
  if (!items) return std::unexpected(items.error());
  ApiPage page{std::move(*items), std::nullopt};
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after = page.items.back().id;
  }
  return page;
}

http::Response practices(Site& site, OpenData& data, const Visit& v) {
  auto query = opendata::api_query(v.request.query);
  if (!query) return site.error(v, query.error());
  auto page = practices_page(site, v, *query);
  if (!page) {
    Error e = page.error();
    if (e.kind == ErrorKind::not_found)
      e = {ErrorKind::invalid_input, e.message, "api.bad_parameter"};
    return site.error(v, e);
  }
  auto context = data.context();
  if (!context) return site.error(v, context.error());
  json items = json::array();
  for (const auto& p : page->items) items.push_back(opendata::record_json((*context)->record(p)));
  std::optional<std::string> cursor, next;
  if (page->next_after) {
    cursor = std::to_string(*page->next_after);
    next = opendata::next_page_url(site.config.base_url, "/api/v1/practices", v.request.query,
                                   *page->next_after);
  }
  return json_answer(opendata::list_page_json(std::move(items), query->limit, cursor, next));
}

http::Response practice(Site& site, OpenData& data, const Visit& v, const Params& p) {
  const auto id = id_param(p);
  if (!id) return site.error(v, no_such("practice " + p.at("id")));
  auto found = site.store.practice(*id);
  if (!found) return site.error(v, found.error());
  if (found->status != PracticeStatus::published)
    return site.error(v, no_such("published practice"));
  auto context = data.context();
  if (!context) return site.error(v, context.error());
  return json_answer(opendata::record_json((*context)->record(*found)));
}

http::Response units(Site& site, OpenData& data, const Visit& v) {
  auto context = data.context();
  if (!context) return site.error(v, context.error());
  json items = json::array();
  for (const auto& u : (*context)->units())
    items.push_back(opendata::unit_json(u, site.config.base_url));
  return json_answer({{"items", std::move(items)}});
}

http::Response unit(Site& site, const Visit& v, const Params& p) {
  const auto id = id_param(p);
  if (!id) return site.error(v, no_such("unit " + p.at("id")));
  auto found = site.store.unit(*id);
  if (!found) return site.error(v, found.error());
  auto of_unit = site.store.practices_of_unit(*id);
  if (!of_unit) return site.error(v, of_unit.error());
  json object = opendata::unit_json(*found, site.config.base_url);
  json ids = json::array();
  for (const auto& practice : *of_unit) {
    if (practice.status == PracticeStatus::published) ids.push_back(practice.id);
  }
  object["practice_ids"] = std::move(ids);
  return json_answer(object);
}

http::Response sections(Site& site, OpenData& data, const Visit& v) {
  auto context = data.context();
  if (!context) return site.error(v, context.error());
  json items = json::array();
  for (const auto& s : (*context)->sections())
    items.push_back(opendata::section_json(s, site.config.base_url));
  return json_answer({{"items", std::move(items)}});
}

// The public documents: those with a version not withdrawn (as /publikacje lists them).
http::Response documents(Site& site, const Visit& v) {
  auto all = site.store.documents().documents();
  if (!all) return site.error(v, all.error());
  std::sort(all->begin(), all->end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  json items = json::array();
  for (const auto& d : *all) {
    if (current_version(d)) items.push_back(opendata::document_json(d, site.config.base_url));
  }
  return json_answer({{"items", std::move(items)}});
}

http::Response document(Site& site, const Visit& v, const Params& p) {
  const auto id = id_param(p);
  if (!id) return site.error(v, no_such("document " + p.at("id")));
  auto found = site.store.documents().document(*id);
  if (!found) return site.error(v, found.error());
  if (!current_version(*found)) return site.error(v, no_such("public document"));
  return json_answer(opendata::document_json(*found, site.config.base_url));
}

}  // namespace

void add_api_v1_routes(Routes& routes, Site& site, const std::shared_ptr<OpenData>& data) {
  const auto add = [&](const std::string& path, Handler handler) {
    site.api_gate.add(routes, site, path, std::move(handler));
  };
  add("/api/v1/practices",
      [&site, data](const Visit& v, const Params&) { return practices(site, *data, v); });
  add("/api/v1/practices/{id}",
      [&site, data](const Visit& v, const Params& p) { return practice(site, *data, v, p); });
  add("/api/v1/units",
      [&site, data](const Visit& v, const Params&) { return units(site, *data, v); });
  add("/api/v1/units/{id}", [&site](const Visit& v, const Params& p) { return unit(site, v, p); });
  add("/api/v1/sections",
      [&site, data](const Visit& v, const Params&) { return sections(site, *data, v); });
  add("/api/v1/documents", [&site](const Visit& v, const Params&) { return documents(site, v); });
  add("/api/v1/documents/{id}",
      [&site](const Visit& v, const Params& p) { return document(site, v, p); });
  add("/api/v1/openapi.json", [&site](const Visit& v, const Params&) {
    auto r = site.assets.serve("api/openapi.json", v.accepted);
    r.set_header("cache-control", "public, max-age=3600");
    return r;
  });
}

}  // namespace bdp::web
