// `bdp migrate-db`: copies a whole database to another one, typically from the embedded SQLite
// file to PostgreSQL when a portal scales out, and proves the copy: the counts per entity and a
// BLAKE2b checksum of the JSON export of both sides must be equal.
#include <fmt/format.h>
#include <sodium.h>

#include <array>

#include "cli/commands.h"
#include "cli/store_option.h"
#include "exchange/exchange.h"

namespace bdp::cli {
namespace {

struct Fingerprint {
  std::size_t sections = 0, units = 0, practices = 0;
  std::string checksum;  // "blake2b-256:" and hex of the JSON export
  bool operator==(const Fingerprint&) const = default;
};

Fingerprint fingerprint(const Dataset& data) {
  const std::string json = exchange::to_json(data);
  std::array<unsigned char, crypto_generichash_BYTES> hash;
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(json.data()),
                     json.size(), nullptr, 0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return {data.sections.size(), data.units.size(), data.practices.size(),
          std::string("blake2b-256:") + hex.data()};
}

std::string describe(const Fingerprint& f) {
  return fmt::format("{} sections, {} units, {} practices, {}", f.sections, f.units, f.practices,
                     f.checksum);
}

// Reads the whole database; prints the error and returns nullopt on failure.
std::optional<Dataset> dump_of(Store& store, const std::string& url) {
  auto data = store.dump();
  if (!data) {
    fmt::print(stderr, "bdp migrate-db: cannot read {}: {}\n", url, data.error().message);
    return std::nullopt;
  }
  return std::move(*data);
}

struct MigrateOptions {
  std::string from, to;
  bool force = false;
};

int migrate(const MigrateOptions& o) {
  if (sodium_init() < 0) {
    fmt::print(stderr, "bdp migrate-db: libsodium cannot initialise\n");
    return 1;
  }
  auto source = open_migrated_store(o.from);
  auto target = source ? open_migrated_store(o.to) : nullptr;
  if (!target) return 1;
  auto empty = target->empty();
  if (!empty) {
    fmt::print(stderr, "bdp migrate-db: cannot read {}: {}\n", o.to, empty.error().message);
    return 1;
  }
  if (!*empty && !o.force) {
    fmt::print(stderr,
               "bdp migrate-db: {} already holds data; nothing copied (use an empty database, or "
               "--force to load over it)\n",
               o.to);
    return 1;
  }
  auto data = dump_of(*source, o.from);
  if (!data) return 1;
  const Fingerprint expected = fingerprint(*data);
  fmt::print("source {}: {}\n", o.from, describe(expected));
  if (auto loaded = target->load(*data); !loaded) {
    fmt::print(stderr, "bdp migrate-db: nothing copied: {}\n", loaded.error().message);
    return 1;
  }
  auto copied = dump_of(*target, o.to);
  if (!copied) return 1;
  const Fingerprint actual = fingerprint(*copied);
  fmt::print("target {}: {}\n", o.to, describe(actual));
  if (actual != expected) {
    fmt::print(stderr,
               "bdp migrate-db: the copy differs from the source (counts or checksum above); "
               "the target holds other records or lost some: do not switch to it\n");
    return 1;
  }
  fmt::print("verified: counts and checksums are equal\n");
  return 0;
}

}  // namespace

Command add_migrate_db(CLI::App& app) {
  auto o = std::make_shared<MigrateOptions>();
  auto* cmd = app.add_subcommand(
      "migrate-db",
      "Copy a whole database to another (e.g. SQLite to PostgreSQL) and verify it by counts and "
      "checksums");
  cmd->add_option("--from", o->from, "Source database URL (sqlite:PATH, sqlite://PATH)")
      ->required();
  cmd->add_option("--to", o->to, "Target database URL (postgresql://user@host/db)")->required();
  cmd->add_flag("--force", o->force,
                "Load into a target that already holds data (upserts by id; verification fails "
                "when the target keeps records the source does not have)");
  return [o] { return migrate(*o); };
}

}  // namespace bdp::cli
