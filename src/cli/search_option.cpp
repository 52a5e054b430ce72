#include "cli/search_option.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>

namespace bdp::cli {

std::unique_ptr<search::SearchIndex> open_search_index(Store& store, const std::string& dir) {
  auto index = search::SearchIndex::open(dir);
  if (!index && index.error().kind == ErrorKind::invalid_input) {
    // An index of an unknown format: it is derived data, start it again.
    spdlog::warn("search index {}: {}; rebuilding it", dir, index.error().message);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    index = search::SearchIndex::open(dir);
  }
  if (!index) {
    fmt::print(stderr, "bdp: cannot open the search index {}: {}\n", dir, index.error().message);
    return nullptr;
  }
  Status ready;
  auto applied = (*index)->last_applied_seq();
  if (applied && *applied > 0) {
    if (auto caught_up = (*index)->apply_changes(store); !caught_up)
      ready = std::unexpected(caught_up.error());
  } else {
    ready = (*index)->rebuild(store);
  }
  if (!ready) {
    fmt::print(stderr, "bdp: cannot bring the search index {} up to date: {}\n", dir,
               ready.error().message);
    return nullptr;
  }
  return std::move(*index);
}

}  // namespace bdp::cli
