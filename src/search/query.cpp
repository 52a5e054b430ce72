#include "search/query.h"

namespace bdp::search {

const char* to_string(SortOrder sort) {
  switch (sort) {
    case SortOrder::relevance:
      return "relevance";
    case SortOrder::newest:
      return "newest";
    case SortOrder::title:
      return "title";
  }
  return "relevance";
}

SortOrder sort_order_from_string(const std::string& text) {
  if (text == "newest") return SortOrder::newest;
  if (text == "title") return SortOrder::title;
  return SortOrder::relevance;
}

}  // namespace bdp::search
