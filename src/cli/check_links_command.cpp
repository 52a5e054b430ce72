// `bdp check-links`: checks every link of "Inne bazy danych" (linkcheck/link_checker.h),
// records the results and prints a report. Exit code 0 even when links are broken (it is a
// report; the back office lists them), 1 when the store fails.
#include <fmt/format.h>

#include <chrono>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "linkcheck/link_checker.h"

namespace bdp::cli {
namespace {

struct CheckLinksOptions {
  std::string database;
  double connect_timeout = 10;
  double timeout = 30;
  long max_redirects = 5;
};

std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int check_links(const CheckLinksOptions& o) {
  auto store = open_migrated_store(o.database);
  if (!store) return 1;
  linkcheck::CheckOptions options;
  options.connect_timeout_ms = static_cast<long>(o.connect_timeout * 1000);
  options.timeout_ms = static_cast<long>(o.timeout * 1000);
  options.max_redirects = o.max_redirects;
  options.user_agent = "bdp-check-links/" BDP_VERSION " (Baza Dobrych Praktyk; link checker)";
  auto report = linkcheck::check_links(
      *store, [&](const std::string& url) { return linkcheck::probe_url(url, options); },
      unix_seconds);
  if (!report) {
    fmt::print(stderr, "bdp check-links: {}\n", report.error().message);
    return 1;
  }
  for (const auto& checked : report->links) {
    fmt::print("{:<6} {:>3} {} <{}>{}\n", checked.broken ? "BROKEN" : "ok", checked.probe.status,
               checked.link.name, checked.link.url,
               checked.probe.error.empty() ? "" : " — " + checked.probe.error);
  }
  fmt::print("checked {} links: {} working, {} broken\n", report->links.size(),
             report->links.size() - static_cast<std::size_t>(report->broken), report->broken);
  return 0;
}

}  // namespace

Command add_check_links(CLI::App& app) {
  auto o = std::make_shared<CheckLinksOptions>();
  auto* cmd = app.add_subcommand(
      "check-links", "Check the links of \"Inne bazy danych\" and record which are broken");
  add_database_option(*cmd, o->database);
  cmd->add_option("--connect-timeout", o->connect_timeout,
                  "Seconds to connect to a site (TCP and TLS)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--timeout", o->timeout, "Seconds for each request in all, redirects included")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--max-redirects", o->max_redirects, "Redirects followed at most")
      ->check(CLI::Range(0L, 20L))
      ->capture_default_str();
  return [o] { return check_links(*o); };
}

}  // namespace bdp::cli
