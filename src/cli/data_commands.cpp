#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "exchange/exchange.h"

namespace bdp::cli {

Command add_import(CLI::App& app) {
  struct Options {
    std::string database, file;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "import",
      "Load a dataset in bdp's JSON format (docs/json-format.md); upserts by id, all or nothing");
  add_database_option(*cmd, o->database);
  cmd->add_option("FILE", o->file, "JSON file ('-' for standard input)")->required();
  return [o] {
    std::stringstream text;
    if (o->file == "-") {
      text << std::cin.rdbuf();
    } else {
      std::ifstream in(o->file);
      if (!in) {
        fmt::print(stderr, "bdp import: cannot read {}\n", o->file);
        return 1;
      }
      text << in.rdbuf();
    }
    auto data = exchange::from_json(text.str());
    if (!data) {
      fmt::print(stderr, "bdp import: {}: {}\n", o->file, data.error().message);
      return 1;
    }
    auto store = open_migrated_store(o->database);
    if (!store) return 1;
    if (auto loaded = store->load(*data); !loaded) {
      fmt::print(stderr, "bdp import: nothing imported: {}\n", loaded.error().message);
      return 1;
    }
    fmt::print("imported {} sections, {} units, {} practices, {} links\n", data->sections.size(),
               data->units.size(), data->practices.size(), data->links.size());
    return 0;
  };
}

Command add_export(CLI::App& app) {
  struct Options {
    std::string database, output = "-";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Write the whole database in bdp's JSON format");
  add_database_option(*cmd, o->database);
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")
      ->capture_default_str();
  return [o] {
    auto store = open_migrated_store(o->database);
    if (!store) return 1;
    auto data = store->dump();
    if (!data) {
      fmt::print(stderr, "bdp export: {}\n", data.error().message);
      return 1;
    }
    const std::string json = exchange::to_json(*data);
    if (o->output == "-") {
      std::cout << json;
      return std::cout.good() ? 0 : 1;
    }
    std::ofstream out(o->output, std::ios::binary | std::ios::trunc);
    out << json;
    if (!out.good()) {
      fmt::print(stderr, "bdp export: cannot write {}\n", o->output);
      return 1;
    }
    return 0;
  };
}

}  // namespace bdp::cli
