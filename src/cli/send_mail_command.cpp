// `bdp send-mail [--once]`: sends the mail outbox through the SMTP server of the config's
// "mail" object — once and exit (tests, cron), or every poll_seconds until SIGINT/SIGTERM (a
// sender apart from `bdp serve`, which sends by itself when mail is configured).
#include <fmt/format.h>

#include <csignal>

#include "cli/commands.h"
#include "cli/resources.h"
#include "cli/store_option.h"
#include "mail/dispatcher.h"
#include "web/site_config.h"

namespace bdp::cli {
namespace {

struct SendMailOptions {
  std::string database;
  std::string config = "config/bdp.json";
  bool once = false;
};

int send_mail(const SendMailOptions& o) {
  // Blocked before any thread starts, so that only sigwait takes them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  if (!o.once) pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const auto path = resource_path(o.config);
  auto config = web::load_site_config(path);
  if (!config) {
    fmt::print(stderr, "bdp send-mail: {}\n", config.error().message);
    return 1;
  }
  if (!config->mail.configured()) {
    fmt::print(stderr,
               "bdp send-mail: no SMTP server configured (\"mail\": {{\"smtp_url\"}} in {})\n",
               path);
    return 1;
  }
  auto store = open_migrated_store(o.database);
  if (!store) return 1;
  auto transport = mail::make_smtp_transport(config->mail);
  if (!o.once) {
    mail::OutboxDispatcher dispatcher(*store, std::move(transport), config->mail);
    int signal = 0;
    sigwait(&signals, &signal);
    return 0;
  }
  auto report = mail::drain_outbox(*store, *transport, config->mail);
  if (!report) {
    fmt::print(stderr, "bdp send-mail: {}\n", report.error().message);
    return 1;
  }
  fmt::print("sent {}, failed and queued again {}, dead {}\n", report->sent, report->retried,
             report->dead);
  return 0;
}

}  // namespace

Command add_send_mail(CLI::App& app) {
  auto o = std::make_shared<SendMailOptions>();
  auto* cmd = app.add_subcommand(
      "send-mail", "Send the mail outbox through the SMTP server of the config's \"mail\"");
  add_database_option(*cmd, o->database);
  cmd->add_option("--config", o->config, "Settings (JSON) with the \"mail\" object")
      ->capture_default_str();
  cmd->add_flag("--once", o->once,
                "Send what is due now and exit (default: keep sending until SIGINT/SIGTERM)");
  return [o] { return send_mail(*o); };
}

}  // namespace bdp::cli
