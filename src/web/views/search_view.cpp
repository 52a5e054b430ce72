#include <fmt/format.h>

#include <algorithm>

#include "web/views/facet_data.h"
#include "web/views/pagination.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// The results URL for `query` (the query stays in the URL: results are shareable).
std::string search_href(const search::Query& query, const std::optional<NearPlace>& near,
                        int page) {
  std::string href = "/szukaj?" + filter_parameters(query) + near_parameters(near);
  if (query.sort != search::SortOrder::relevance)
    href += std::string("&sort=") + search::to_string(query.sort);
  if (page > 1) href += fmt::format("&strona={}", page);
  return href;
}

// "12,5 km" (pl), "12.5 km" (en).
std::string distance_text(i18n::Lang lang, double km) {
  std::string text = fmt::format("{:.1f} km", km);
  if (lang == i18n::Lang::pl) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

std::string Views::search(const ViewContext& ctx, const search::Query& query,
                          const search::SearchResults* results, const SearchNear& near) const {
  Data d = base_data(ctx);
  d.set("q", query.text);
  add_near_data(d, ctx.lang, near.place, near.unknown);
  d.set("near_sort", near.place.has_value());
  d.set("sort_distance", query.sort == search::SortOrder::distance);
  const auto href = [&](const search::Query& q, int page) {
    return search_href(q, near.place, page);
  };
  d.set("filters_summary",
        fmt::format(
            "{} ({})", i18n::tr(ctx.lang, "search.filters"),
            i18n::count_noun(ctx.lang,
                             static_cast<std::int64_t>(query.filters.size()) + (near.place ? 1 : 0),
                             "selected")));
  d.set("sort_relevance", query.sort == search::SortOrder::relevance);
  d.set("sort_newest", query.sort == search::SortOrder::newest);
  d.set("sort_title", query.sort == search::SortOrder::title);
  std::string title(i18n::tr(ctx.lang, "search.title"));
  if (!query.text.empty()) title = query.text + " — " + title;
  if (!results) {
    d.set("notice", std::string(i18n::tr(ctx.lang, near.unknown.empty() ? "search.unavailable"
                                                                        : "map.unknown_place")));
    d.set("total_text", std::string());
    return layout(ctx, {title, title, "/szukaj"}, templates_.render("search", std::move(d)));
  }
  const auto facets = facets_data(ctx.lang, results->facets);
  d.set("has_facets", !facets.empty());
  d.set("facets", facets);
  d.set(
      "notice",
      optional_text(results->notice == search::Notice::none
                        ? std::string()
                        : std::string(i18n::tr(ctx.lang, std::string("search.notice.") +
                                                             search::to_string(results->notice)))));
  if (!results->spelling_suggestion.empty()) {
    search::Query corrected = query;
    corrected.text = results->spelling_suggestion;
    d.set("spelling", results->spelling_suggestion);
    d.set("spelling_href", href(corrected, 1));
  } else {
    d.set("spelling_href", false);
  }
  d.set("total_text", i18n::count_noun(ctx.lang, results->total, "result"));
  List hits;
  for (const auto& h : results->hits) {
    Data item{Data::type::object};
    const bool document = h.kind == search::HitKind::document;
    item.set("href", document || !h.href.empty() ? h.href : practice_path(h.id, h.slug));
    item.set("title", h.title);
    item.set("id", std::to_string(h.id));
    item.set("place", optional_text(h.place));
    item.set("distance",
             optional_text(h.distance_km ? distance_text(ctx.lang, *h.distance_km) : ""));
    item.set("date_iso", h.entered_on);
    item.set("date", i18n::format_date(ctx.lang, h.entered_on));
    item.set("snippet_html", h.snippet_html);  // escaped by the index; only <mark> added
    item.set("document", document);
    if (document) {
      item.set("document_label", std::string(i18n::tr(ctx.lang, "search.document")));
      item.set("document_kind",
               std::string(i18n::tr(ctx.lang, "document.kind." + h.document_kind)));
      item.set("page_href", h.page > 0 ? Data(h.file_href) : Data(false));
      item.set("page_text",
               fmt::format("{} {}", i18n::tr(ctx.lang, "search.document_page"), h.page));
    }
    hits.push_back(std::move(item));
  }
  d.set("has_hits", !hits.empty());
  d.set("hits", hits);
  add_pagination(d, results->total, results->page, results->page_size,
                 [&](int n) { return href(query, n); });
  return layout(ctx, {title, title, href(query, results->page)},
                templates_.render("search", std::move(d)));
}

}  // namespace bdp::web
