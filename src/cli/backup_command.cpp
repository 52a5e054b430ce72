// `bdp backup` and `bdp restore`: a whole database to one file and back, with the engine's own
// means (store/backup.h): SQLite's online backup API, pg_dump / pg_restore.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "store/backup.h"

namespace bdp::cli {

Command add_backup(CLI::App& app) {
  struct Options {
    std::string database, output;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "backup", "Write a consistent copy of the database to a file while the portal keeps serving");
  add_database_option(*cmd, o->database);
  cmd->add_option("-o,--output", o->output,
                  "Backup file, replaced if it exists (SQLite file, or pg_dump custom format)")
      ->required();
  return [o] {
    if (auto done = backup_database(o->database, o->output); !done) {
      fmt::print(stderr, "bdp backup: {}\n", done.error().message);
      return 1;
    }
    fmt::print("backed up {} to {}\n", o->database, o->output);
    return 0;
  };
}

Command add_restore(CLI::App& app) {
  struct Options {
    std::string database, file;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "restore",
      "Replace the database with a backup made by `bdp backup`, all or nothing (stop the portal "
      "nodes first; rebuild their search indexes afterwards with `bdp reindex`)");
  add_database_option(*cmd, o->database);
  cmd->add_option("FILE", o->file, "Backup file of the same engine")->required();
  return [o] {
    if (auto done = restore_database(o->database, o->file); !done) {
      fmt::print(stderr, "bdp restore: nothing restored: {}\n", done.error().message);
      return 1;
    }
    fmt::print("restored {} from {}\n", o->database, o->file);
    return 0;
  };
}

}  // namespace bdp::cli
