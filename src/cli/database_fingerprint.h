// What `bdp migrate-db` compares between the source and the copy: counts a person can check
// at a glance, and BLAKE2b-256 checksums of the content (its JSON export) and of the
// operational state (a canonical serialisation, password hashes included). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "store/store.h"

namespace bdp::cli {

struct DatabaseFingerprint {
  std::size_t sections = 0, units = 0, practices = 0, links = 0, editors = 0;
  std::int64_t visitor_days = 0;   // unique visitor-days counted
  std::int64_t visitor_total = 0;  // the number shown on every page
  std::string content_checksum;    // "blake2b-256:" and hex
  std::string state_checksum;      // "blake2b-256:" and hex
  bool operator==(const DatabaseFingerprint&) const = default;
};

// REQUIRES: sodium_init() succeeded.
DatabaseFingerprint fingerprint(const Dataset& content, const OperationalState& state);
// One line: every count and both checksums (never a password hash: only their checksum).
std::string describe(const DatabaseFingerprint& fingerprint);

}  // namespace bdp::cli
