// The library's listing /publikacje: which documents a visitor's filters (kind, year, tag, unit)
// select, in which order, and the counts beside each filter's options. Only documents with a
// current version (model/document.h) are listed. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "model/document.h"

namespace bdp::web {

enum class LibrarySort { newest, title, year };

struct LibraryFilter {
  std::optional<DocumentKind> kind;
  std::optional<int> year;
  std::string tag;           // "" for any
  std::int64_t unit_id = 0;  // 0 for any
  LibrarySort sort = LibrarySort::newest;
  int page = 1;
};

// The filter of a request's query (rodzaj, rok, tag, jednostka, sort, strona). Errors
// (invalid_input): an unknown kind or sort, a year or unit that is not a number, a bad page.
Result<LibraryFilter> library_filter(const http::Request& request);

struct FilterOption {
  std::string value;       // as written in the query
  std::int64_t count = 0;  // documents it would select together with the other filters
  bool selected = false;
};

struct LibraryListing {
  std::vector<const Document*> shown;  // this page's documents (borrowed from the input)
  std::int64_t total = 0;              // over all pages
  int page = 1;
  int page_size = 20;
  std::vector<FilterOption> kinds, years, tags, units;  // units: the unit id as text
};

// REQUIRES: `documents` outlives the listing.
LibraryListing list_documents(const std::vector<Document>& documents, const LibraryFilter& filter,
                              int page_size = 20);

}  // namespace bdp::web
