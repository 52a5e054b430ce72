#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <vector>

#include "cli/commands.h"

namespace bdp::cli {

int run(int argc, char** argv) {
  CLI::App app{
      "bdp — Baza Dobrych Praktyk: the good-practice database of Polish local governments"};
  app.set_version_flag("--version", "bdp " BDP_VERSION);
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Command>> commands;
  for (auto add : {add_serve, add_import, add_export, add_import_legacy, add_reindex,
                   add_migrate_db, add_backup, add_restore, add_send_mail, add_check_links,
                   add_remind_verification, add_unit, add_editor, add_extract_text}) {
    auto command = add(app);
    commands.emplace_back(app.get_subcommands({}).back(), std::move(command));
  }
  CLI11_PARSE(app, argc, argv);
  for (auto& [sub, command] : commands) {
    if (sub->parsed()) return command();
  }
  return 2;
}

}  // namespace bdp::cli
