// Internal to auth: libsodium's initialisation, done once (sodium_init is thread-safe and
// idempotent; this only turns its failure into a value).
#pragma once

#include "core/result.h"

namespace bdp::auth {

// Errors: internal when libsodium cannot initialise (no usable random source).
Status ensure_sodium();

}  // namespace bdp::auth
