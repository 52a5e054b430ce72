// Editors' passwords: Argon2id through libsodium's crypto_pwhash_str, with the INTERACTIVE
// limits (2 passes over 64 MiB: ~0.1 s on the 2-core server). MODERATE (256 MiB, ~0.5 s) would
// let a handful of concurrent login attempts take a gigabyte of memory on a small node; the
// login rate limit (web/login_throttle.h) bounds guessing instead. The encoded string carries
// its own salt and limits, so raising them later keeps old hashes verifiable.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::auth {

inline constexpr std::size_t kMinPasswordChars = 12;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Errors (invalid_input, with a message for the person choosing it): fewer than
// kMinPasswordChars characters (Unicode code points), over kMaxPasswordBytes, not UTF-8.
Status check_password_policy(std::string_view password);

// The Argon2id string of `password` (random salt). Errors: internal when libsodium cannot
// initialise or the memory cannot be had. Does not apply the policy: call check_password_policy.
Result<std::string> hash_password(std::string_view password);

// True when `password` matches `hash` (an Argon2id string from hash_password). Any other hash,
// a malformed one included, never matches. Takes as long as hashing.
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace bdp::auth
