// Opening the search index for a store from the CLI: the index is derived data, so a missing or
// unreadable one is rebuilt from the store, and an existing one catches up with the change log.
#pragma once

#include <memory>
#include <string>

#include "search/search_index.h"
#include "store/store.h"

namespace bdp::cli {

// Opens (creating or rebuilding as needed) the index in `dir`; prints the error and returns null
// on failure.
std::unique_ptr<search::SearchIndex> open_search_index(Store& store, const std::string& dir);

}  // namespace bdp::cli
