#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "search/search_index.h"

namespace bdp::cli {

Command add_reindex(CLI::App& app) {
  struct Options {
    std::string database, index = "bdp-index";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "reindex", "Rebuild the search index from the database (stop `serve` on that index first)");
  add_database_option(*cmd, o->database);
  cmd->add_option("--index", o->index, "Search index folder")->capture_default_str();
  return [o] {
    auto store = open_migrated_store(o->database);
    if (!store) return 1;
    auto index = search::SearchIndex::open(o->index);
    if (!index) {
      // Whatever is there is derived data: start from nothing.
      std::error_code ec;
      std::filesystem::remove_all(o->index, ec);
      index = search::SearchIndex::open(o->index);
    }
    if (!index) {
      fmt::print(stderr, "bdp reindex: {}\n", index.error().message);
      return 1;
    }
    if (auto rebuilt = (*index)->rebuild(*store); !rebuilt) {
      fmt::print(stderr, "bdp reindex: {}\n", rebuilt.error().message);
      return 1;
    }
    fmt::print("indexed {} practices\n", (*index)->document_count().value_or(0));
    return 0;
  };
}

}  // namespace bdp::cli
