// `bdp migrate-db`: copies a whole database to another one, typically from the embedded SQLite
// file to PostgreSQL when a portal scales out, and proves the copy: the counts and the checksums
// of the content and of the operational state (visitor counter, editors) must be equal on both
// sides, and so must the document library, every file checked against its sha256. Editors' sessions
// are not copied (see OperationalState): editors log in again.
#include <fmt/format.h>
#include <sodium.h>

#include <optional>

#include "cli/commands.h"
#include "cli/database_fingerprint.h"
#include "cli/store_option.h"
#include "store/library_copy.h"

namespace bdp::cli {
namespace {

struct Snapshot {
  Dataset content;
  OperationalState state;
};

// Reads the whole database; prints the error and returns nullopt on failure.
std::optional<Snapshot> read_whole(Store& store, const std::string& url) {
  auto content = store.dump();
  auto state = content ? store.operational_state() : Result<OperationalState>();
  if (!content || !state) {
    const auto& error = !content ? content.error() : state.error();
    fmt::print(stderr, "bdp migrate-db: cannot read {}: {}\n", url, error.message);
    return std::nullopt;
  }
  return Snapshot{std::move(*content), std::move(*state)};
}

// True when the target holds content, editors or a visitor count; prints read errors.
std::optional<bool> holds_data(Store& target, const std::string& url) {
  auto empty = target.empty();
  auto state = empty ? target.operational_state() : Result<OperationalState>();
  if (!empty || !state) {
    const auto& error = !empty ? empty.error() : state.error();
    fmt::print(stderr, "bdp migrate-db: cannot read {}: {}\n", url, error.message);
    return std::nullopt;
  }
  return !*empty || !state->editors.empty() || state->visitor_days_counted != 0 ||
         state->visitor_base != 0;
}

struct MigrateOptions {
  std::string from, to;
  bool force = false;
};

// Copies the document library after the content it belongs to, and proves the copy; prints
// what it did or why not.
bool copy_documents(Store& source, Store& target, const MigrateOptions& o) {
  auto copied = copy_library(source.documents(), target.documents());
  if (!copied) {
    fmt::print(stderr,
               "bdp migrate-db: the content was copied but not the document library: {}; fix that "
               "and run again into an empty database\n",
               copied.error().message);
    return false;
  }
  fmt::print("documents: {} with {} versions, {} files ({} bytes) copied\n", copied->documents,
             copied->versions, copied->files, copied->bytes);
  auto difference = library_difference(source.documents(), target.documents());
  if (!difference) {
    fmt::print(stderr, "bdp migrate-db: cannot read the document library of {}: {}\n", o.to,
               difference.error().message);
    return false;
  }
  if (!difference->empty()) {
    fmt::print(stderr, "bdp migrate-db: the document library of {} differs from the source: {}\n",
               o.to, *difference);
    return false;
  }
  return true;
}

// True when the target's library holds a document (the library is copied only into an empty
// one, even with --force: its ids are kept); prints read errors.
std::optional<bool> holds_documents(Store& target, const std::string& url) {
  auto documents = target.documents().documents();
  if (!documents) {
    fmt::print(stderr, "bdp migrate-db: cannot read {}: {}\n", url, documents.error().message);
    return std::nullopt;
  }
  return !documents->empty();
}

int migrate(const MigrateOptions& o) {
  if (sodium_init() < 0) {
    fmt::print(stderr, "bdp migrate-db: libsodium cannot initialise\n");
    return 1;
  }
  auto source = open_migrated_store(o.from);
  auto target = source ? open_migrated_store(o.to) : nullptr;
  if (!target) return 1;
  auto occupied = holds_data(*target, o.to);
  if (!occupied) return 1;
  auto library = holds_documents(*target, o.to);
  if (!library) return 1;
  if (*library) {
    fmt::print(stderr,
               "bdp migrate-db: {} already holds documents of the library; nothing copied (the "
               "library is copied only into an empty one, also with --force)\n",
               o.to);
    return 1;
  }
  if (*occupied && !o.force) {
    fmt::print(stderr,
               "bdp migrate-db: {} already holds data; nothing copied (use an empty database, or "
               "--force to load over it)\n",
               o.to);
    return 1;
  }
  auto original = read_whole(*source, o.from);
  if (!original) return 1;
  const DatabaseFingerprint expected = fingerprint(original->content, original->state);
  fmt::print("source {}: {}\n", o.from, describe(expected));
  if (auto loaded = target->load(original->content); !loaded) {
    fmt::print(stderr, "bdp migrate-db: nothing copied: {}\n", loaded.error().message);
    return 1;
  }
  if (auto loaded = target->load_operational_state(original->state); !loaded) {
    fmt::print(stderr,
               "bdp migrate-db: the content was copied but not the visitor counter and editors: "
               "{}; fix that and run again with --force\n",
               loaded.error().message);
    return 1;
  }
  auto copy = read_whole(*target, o.to);
  if (!copy) return 1;
  const DatabaseFingerprint actual = fingerprint(copy->content, copy->state);
  fmt::print("target {}: {}\n", o.to, describe(actual));
  if (actual != expected) {
    fmt::print(stderr,
               "bdp migrate-db: the copy differs from the source (counts or checksums above); "
               "the target holds other records or lost some: do not switch to it\n");
    return 1;
  }
  if (!copy_documents(*source, *target, o)) return 1;
  fmt::print(
      "verified: counts and checksums are equal, and so are the documents with their files "
      "(editor sessions are not copied: editors log in again on the target)\n");
  return 0;
}

}  // namespace

Command add_migrate_db(CLI::App& app) {
  auto o = std::make_shared<MigrateOptions>();
  auto* cmd = app.add_subcommand(
      "migrate-db",
      "Copy a whole database to another (e.g. SQLite to PostgreSQL): content, visitor counter and "
      "editors (not their sessions), the document library with its files, and verify it by counts "
      "and checksums");
  cmd->add_option("--from", o->from, "Source database URL (sqlite:PATH, sqlite://PATH)")
      ->required();
  cmd->add_option("--to", o->to, "Target database URL (postgresql://user@host/db)")->required();
  cmd->add_flag("--force", o->force,
                "Load into a target that already holds data (content upserted by id; the visitor "
                "counter and editors replaced; verification fails when the target keeps records "
                "the source does not have)");
  return [o] { return migrate(*o); };
}

}  // namespace bdp::cli
