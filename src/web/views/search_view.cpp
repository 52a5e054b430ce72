#include <fmt/format.h>

#include "web/views/facet_data.h"
#include "web/views/pagination.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// The results URL for `query` (the query stays in the URL: results are shareable).
std::string search_href(const search::Query& query, int page) {
  std::string href = "/szukaj?" + filter_parameters(query);
  if (query.sort != search::SortOrder::relevance)
    href += std::string("&sort=") + search::to_string(query.sort);
  if (page > 1) href += fmt::format("&strona={}", page);
  return href;
}

}  // namespace

std::string Views::search(const ViewContext& ctx, const search::Query& query,
                          const search::SearchResults* results) const {
  Data d = base_data(ctx);
  d.set("q", query.text);
  d.set("filters_summary",
        fmt::format("{} ({})", i18n::tr(ctx.lang, "search.filters"),
                    i18n::count_noun(ctx.lang, static_cast<std::int64_t>(query.filters.size()),
                                     "selected")));
  d.set("sort_relevance", query.sort == search::SortOrder::relevance);
  d.set("sort_newest", query.sort == search::SortOrder::newest);
  d.set("sort_title", query.sort == search::SortOrder::title);
  std::string title(i18n::tr(ctx.lang, "search.title"));
  if (!query.text.empty()) title = query.text + " — " + title;
  if (!results) {
    d.set("notice", std::string(i18n::tr(ctx.lang, "search.unavailable")));
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
    d.set("spelling_href", search_href(corrected, 1));
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
    item.set("place", optional_text(h.place));
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
                 [&](int n) { return search_href(query, n); });
  return layout(ctx, {title, title, search_href(query, results->page)},
                templates_.render("search", std::move(d)));
}

}  // namespace bdp::web
