#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/resources.h"
#include "cli/search_option.h"
#include "cli/store_option.h"
#include "exchange/exchange.h"
#include "http/server.h"
#include "http/spool.h"
#include "library/text_worker.h"
#include "mail/dispatcher.h"
#include "store/change_follower.h"
#include "web/portal.h"

namespace bdp::cli {
namespace {

struct ServeOptions {
  std::string database;
  std::string config = "config/bdp.json";
  std::string assets = "assets";
  std::string demo = "data/demo.json";
  std::string index = "bdp-index";
  std::string spool = "bdp-spool";
  http::ServerOptions server;
  bool no_demo = false;
  bool no_access_log = false;
};

// Loads the demo dataset into an empty database, so a first start shows a working portal.
Status load_demo_if_empty(Store& store, const std::string& path) {
  auto empty = store.empty();
  if (!empty) return std::unexpected(empty.error());
  if (!*empty) return {};
  std::ifstream in(path);
  if (!in) return fail(ErrorKind::not_found, fmt::format("demo data {} cannot be read", path));
  std::stringstream text;
  text << in.rdbuf();
  auto data = exchange::from_json(text.str());
  if (!data) return std::unexpected(data.error());
  spdlog::info("empty database: loading demo data from {}", path);
  return store.load(*data);
}

// Vendored npm files served under /static/vendor/ (installed at build time, never committed).
std::map<std::string, std::string> vendor_assets() {
  const std::string leaflet = resource_path("node_modules/leaflet/dist");
  const std::string cluster = resource_path("node_modules/leaflet.markercluster/dist");
  return {{"vendor/leaflet/leaflet.js", leaflet + "/leaflet.js"},
          {"vendor/leaflet/leaflet.css", leaflet + "/leaflet.css"},
          {"vendor/leaflet.markercluster/leaflet.markercluster.js",
           cluster + "/leaflet.markercluster.js"},
          {"vendor/leaflet.markercluster/MarkerCluster.css", cluster + "/MarkerCluster.css"}};
}

int serve(ServeOptions& o) {
  // Signals are taken by one thread (sigwait) rather than a handler: stop() is not
  // async-signal-safe. Block them before any thread starts so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A file that may not grow (a full disk's quota, RLIMIT_FSIZE) fails the write with EFBIG,
  // which the store answers as unavailable (a 503 page), instead of killing the server.
  std::signal(SIGXFSZ, SIG_IGN);

  auto config = web::load_site_config(resource_path(o.config));
  if (!config) {
    fmt::print(stderr, "bdp: {}\n", config.error().message);
    return 1;
  }
  auto store = open_migrated_store(o.database);
  if (!store) return 1;
  if (!o.no_demo) {
    if (auto loaded = load_demo_if_empty(*store, resource_path(o.demo)); !loaded) {
      fmt::print(stderr, "bdp: cannot load demo data: {}\n", loaded.error().message);
      return 1;
    }
  }
  if (auto based = store->set_visitor_base(config->counter_base); !based) {
    fmt::print(stderr, "bdp: cannot set the visitor counter: {}\n", based.error().message);
    return 1;
  }
  auto start_seq = store->last_change_seq();
  if (!start_seq) {
    fmt::print(stderr, "bdp: cannot read the change log: {}\n", start_seq.error().message);
    return 1;
  }
  auto index = open_search_index(*store, o.index);
  if (!index) return 1;
  // The spool is this node's scratch folder, emptied at start: uploads arrive there, the text
  // extractor and the open-data files work there.
  if (auto reset = http::reset_spool(o.spool); !reset) {
    fmt::print(stderr, "bdp: {}\n", reset.error().message);
    return 1;
  }
  const std::filesystem::path spool(o.spool);
  auto portal = web::Portal::create(*store, index.get(),
                                    {*config, resource_path(o.assets), vendor_assets(),
                                     resource_path("data/gazetteer.json"), spool / "opendata"});
  if (!portal) {
    fmt::print(stderr, "bdp: {}\n", portal.error().message);
    return 1;
  }
  web::Portal& site = **portal;
  ChangeFollower follower(
      *store, *start_seq, std::chrono::milliseconds(200),
      [&](std::int64_t, std::int64_t) {
        // The index first, so that pages re-rendered after the invalidation list new data.
        if (auto applied = index->apply_changes(*store); !applied) {
          spdlog::warn("search index: {}", applied.error().message);
        }
        site.on_changes();
      },
      [&site] { site.on_tick(); });
  o.server.access_log = !o.no_access_log;
  web::apply_limits(config->limits, o.server);
  o.server.spool.directory = o.spool;
  auto server =
      http::Server::start(o.server, [&site](const http::Request& r) { return site.handle(r); });
  if (!server) {
    fmt::print(stderr, "bdp: cannot listen on {}:{}: {}\n", o.server.address, o.server.port,
               server.error().message);
    return 1;
  }
  spdlog::info("bdp serving http://{}:{}/ (database {})", o.server.address, (*server)->port(),
               o.database);
  // Mail goes out on the dispatcher's own thread; stopped (after its batch) before the store.
  std::optional<mail::OutboxDispatcher> mailer;
  if (config->mail.configured()) {
    mailer.emplace(*store, mail::make_smtp_transport(config->mail), config->mail);
    spdlog::info("sending the mail outbox every {} s", config->mail.poll_seconds);
  }
  // Text of uploaded files, read by `bdp extract-text` children under limits.
  library::TextWorker text_worker(store->documents(),
                                  extract::Sandbox{{"/proc/self/exe", "extract-text"}},
                                  spool / "text", std::chrono::seconds(2));
  std::thread signal_waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    spdlog::info("signal {}: finishing in-flight requests", signal);
    (*server)->stop();
  });
  (*server)->wait();
  // wait() also returns when the server stops on its own; wake the signal thread then. SIGTERM
  // is blocked and taken by its sigwait, so this wakes the thread rather than killing it.
  // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  spdlog::info("bdp stopped");
  return 0;
}

}  // namespace

Command add_serve(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand(
      "serve", "Run the portal (creates, migrates and fills an empty database with demo data)");
  add_database_option(*cmd, o->database);
  cmd->add_option("--config", o->config, "Branding and settings (JSON)")->capture_default_str();
  cmd->add_option("--spool", o->spool,
                  "This node's scratch folder (emptied at start): uploads being received and "
                  "read, the open-data files")
      ->capture_default_str();
  cmd->add_option("--assets", o->assets, "Folder of templates, CSS and JS")->capture_default_str();
  cmd->add_option("--demo", o->demo, "Dataset loaded into an empty database")
      ->capture_default_str();
  cmd->add_flag("--no-demo", o->no_demo, "Start with an empty database");
  cmd->add_option("--index", o->index, "Search index folder (derived data, rebuilt when missing)")
      ->capture_default_str();
  cmd->add_option("--address", o->server.address, "Listen address")->capture_default_str();
  cmd->add_option("--port", o->server.port, "Listen port (0: any free port)")
      ->capture_default_str();
  cmd->add_option("--threads", o->server.threads, "Server threads (0: one per core)")
      ->capture_default_str();
  cmd->add_flag("--no-access-log", o->no_access_log, "Do not log every request");
  cmd->add_option("--trusted-proxy", o->server.trusted_proxies,
                  "IP address of a reverse proxy (e.g. 127.0.0.1 for a local nginx) whose "
                  "X-Forwarded-For names the client (repeatable)");
  return [o] { return serve(*o); };
}

}  // namespace bdp::cli
