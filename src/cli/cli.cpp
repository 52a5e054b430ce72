#include "cli/cli.h"

#include <CLI/CLI.hpp>

namespace bdp::cli {

int run(int argc, char** argv) {
  CLI::App app{"bdp — Baza Dobrych Praktyk"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace bdp::cli
