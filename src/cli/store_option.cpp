#include "cli/store_option.h"

#include <fmt/format.h>

namespace bdp::cli {

void add_database_option(CLI::App& command, std::string& url) {
  url = kDefaultDatabase;
  command
      .add_option("--database", url,
                  "sqlite:PATH (embedded, the default) or postgresql://user@host/db")
      ->envname("BDP_DATABASE");
}

std::unique_ptr<Store> open_migrated_store(const std::string& url) {
  auto store = open_store(url);
  if (!store) {
    fmt::print(stderr, "bdp: cannot open database {}: {}\n", url, store.error().message);
    return nullptr;
  }
  if (auto migrated = (*store)->migrate(); !migrated) {
    fmt::print(stderr, "bdp: cannot migrate database {}: {}\n", url, migrated.error().message);
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace bdp::cli
