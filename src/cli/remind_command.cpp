// `bdp remind-verification`: queues the reminders of verification due now
// (web/verification_reminders.h) and prints what it did; run it daily (cron or a systemd timer,
// docs/verification.md). The outbox sends them (`bdp serve` with mail configured, or
// `bdp send-mail`). Exit code 0, 1 when the config or the store fails.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/resources.h"
#include "cli/store_option.h"
#include "web/desk.h"
#include "web/site_config.h"
#include "web/verification_reminders.h"

namespace bdp::cli {
namespace {

struct RemindOptions {
  std::string database;
  std::string config = "config/bdp.json";
};

int remind(const RemindOptions& o) {
  auto config = web::load_site_config(resource_path(o.config));
  if (!config) {
    fmt::print(stderr, "bdp remind-verification: {}\n", config.error().message);
    return 1;
  }
  auto store = open_migrated_store(o.database);
  if (!store) return 1;
  auto report = web::queue_verification_reminders(*store, *config, web::unix_now());
  if (!report) {
    fmt::print(stderr, "bdp remind-verification: {}\n", report.error().message);
    return 1;
  }
  fmt::print("due {}: reminded {}, reminded recently {}, without an address {}\n", report->due,
             report->reminded, report->recently_reminded, report->without_address);
  return 0;
}

}  // namespace

Command add_remind_verification(CLI::App& app) {
  auto o = std::make_shared<RemindOptions>();
  auto* cmd = app.add_subcommand(
      "remind-verification",
      "Queue e-mail reminders to confirm the data of published practices due for verification");
  add_database_option(*cmd, o->database);
  cmd->add_option("--config", o->config,
                  "Settings (JSON): base_url for the links, verification_months")
      ->capture_default_str();
  return [o] { return remind(*o); };
}

}  // namespace bdp::cli
