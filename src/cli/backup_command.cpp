// `bdp backup` and `bdp restore`: a whole database to one file and back, with the engine's own
// means (store/backup.h): SQLite's online backup API, pg_dump / pg_restore.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "store/backup.h"
#include "store/store.h"

namespace bdp::cli {
namespace {

// Reads every stored file of the database at `url` and compares it with its sha256: what a
// backup carries, and a restore must give back, bit for bit. Errors name the damaged files.
Status verify_files(const std::string& url) {
  auto store = open_store(url);
  if (!store) return std::unexpected(store.error());
  auto damaged = (*store)->documents().verify_files();
  if (!damaged) return std::unexpected(damaged.error());
  if (damaged->empty()) return {};
  std::string list;
  for (const auto& sha : *damaged) list += (list.empty() ? "" : ", ") + sha;
  return fail(ErrorKind::internal,
              fmt::format("{} stored files do not match their sha256: {}", damaged->size(), list));
}

}  // namespace

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
    if (auto whole = verify_files(o->database); !whole) {
      fmt::print(stderr, "bdp backup: not backed up: {}\n", whole.error().message);
      return 1;
    }
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
    if (auto whole = verify_files(o->database); !whole) {
      fmt::print(stderr, "bdp restore: restored, but {}\n", whole.error().message);
      return 1;
    }
    fmt::print("restored {} from {} (stored files verified against their sha256)\n", o->database,
               o->file);
    return 0;
  };
}

}  // namespace bdp::cli
