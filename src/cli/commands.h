// The subcommands of `bdp`. Each registers its options on the CLI11 app and runs after parsing;
// run functions return the process exit code and print actionable errors to stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace bdp::cli {

using Command = std::function<int()>;

// Each adds its subcommand to `app` and returns what runs it when it was chosen.
Command add_serve(CLI::App& app);
Command add_import(CLI::App& app);
Command add_export(CLI::App& app);
Command add_import_legacy(CLI::App& app);
Command add_reindex(CLI::App& app);
Command add_migrate_db(CLI::App& app);
Command add_backup(CLI::App& app);
Command add_restore(CLI::App& app);
Command add_editor(CLI::App& app);
Command add_unit(CLI::App& app);
Command add_send_mail(CLI::App& app);
// Hidden: the isolated text extractor's child process (extract/isolated.h).
Command add_extract_text(CLI::App& app);
Command add_check_links(CLI::App& app);
Command add_remind_verification(CLI::App& app);

}  // namespace bdp::cli
