// BYTEA values as they cross libpq in text form: hex for decode($n, 'hex') and from
// encode(column, 'hex'). Internal to the postgres store. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::pg {

// Lower-case hex of `bytes`.
std::string bytes_to_hex(std::string_view bytes);
// The bytes written in `hex`. Errors: internal when it is not hex (the database is corrupt).
Result<std::string> bytes_from_hex(std::string_view hex);

}  // namespace bdp::pg
