#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "import/import_report.h"
#include "import/importer.h"

namespace bdp::cli {

Command add_import_legacy(CLI::App& app) {
  struct Options {
    std::string database;
    legacy::ImportOptions import;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "import-legacy", "Import old portal practice pages (text dumps or HTML; files or folders)");
  add_database_option(*cmd, o->database);
  cmd->add_option("PATH", o->import.paths, "Page files or folders of them")->required();
  cmd->add_flag("--dry-run", o->import.dry_run, "Read and match everything, write nothing");
  cmd->add_option("--report", o->import.report_path, "Write a JSON report of every page here");
  cmd->add_option("--attachments", o->import.attachments_dir,
                  "Folder of the old attachments' files: each file a page links under "
                  "\"Załączniki\" becomes a document of the library, under its old name")
      ->check(CLI::ExistingDirectory);
  return [o] {
    auto store = open_migrated_store(o->database);
    if (!store) return 1;
    o->import.progress = isatty(STDERR_FILENO) != 0;
    auto report = legacy::run_import(*store, o->import);
    if (!report) {
      fmt::print(stderr, "bdp import-legacy: {}\n", report.error().message);
      return 1;
    }
    fmt::print("{}\n", legacy::format_summary(*report));
    // Pages that could not be imported make the run fail (the others were imported).
    return report->count(legacy::PageAction::skipped) == 0 ? 0 : 1;
  };
}

}  // namespace bdp::cli
