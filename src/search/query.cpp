#include "search/query.h"

#include <algorithm>
#include <charconv>

#include "search/facets.h"

namespace bdp::search {

const char* to_string(SortOrder sort) {
  switch (sort) {
    case SortOrder::relevance:
      return "relevance";
    case SortOrder::newest:
      return "newest";
    case SortOrder::title:
      return "title";
    case SortOrder::distance:
      return "distance";
  }
  return "relevance";
}

const char* to_string(Notice notice) {
  switch (notice) {
    case Notice::none:
      return "";
    case Notice::unbalanced_quote:
      return "unbalanced_quote";
    case Notice::stop_words_only:
      return "stop_words_only";
    case Notice::truncated:
      return "truncated";
    case Notice::too_long:
      return "too_long";
  }
  return "";
}

const char* to_string(HitKind kind) {
  return kind == HitKind::document ? "document" : "practice";
}

SortOrder sort_order_from_string(const std::string& text) {
  if (text == "newest") return SortOrder::newest;
  if (text == "title") return SortOrder::title;
  if (text == "distance") return SortOrder::distance;
  return SortOrder::relevance;
}

namespace {

int parse_int(const std::string& text, int fallback) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : fallback;
}

}  // namespace

Query query_from_parameters(const std::multimap<std::string, std::string>& parameters) {
  Query query;
  for (const auto& [name, value] : parameters) {
    if (name == "q") {
      query.text = value;
    } else if (name == "sort") {
      query.sort = sort_order_from_string(value);
    } else if (name == "page") {
      query.page = std::max(1, parse_int(value, 1));
    } else if (name == "page_size") {
      query.page_size = std::clamp(parse_int(value, 20), 1, kMaxPageSize);
    } else if (facet_index(name) && !value.empty()) {
      query.filters.emplace(name, value);
    }
  }
  return query;
}

}  // namespace bdp::search
