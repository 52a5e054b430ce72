// The JSON exchange format of bdp: the whole database as one document (docs/json-format.md),
// used by `bdp export`/`bdp import`, the demo data (data/demo.json) and backups.
// {"format":"bdp","version":1,"sections":[…],"units":[…],"practices":[…],"links":[…]}
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "store/store.h"

namespace bdp::exchange {

inline constexpr int kFormatVersion = 1;

// The dataset as a JSON document of the current version, pretty-printed, UTF-8 (bytes that are
// not valid UTF-8 are replaced by U+FFFD). Every field is written, empty ones too.
std::string to_json(const Dataset& data);

// Reads a document written by to_json (or by hand: optional fields may be left out, see the
// format description). Errors: invalid_input naming the JSON path of the first problem
// ("practices[2].contacts[0].name: expected a string"), for malformed JSON, a wrong type, a
// missing required field, or a format/version this build does not read.
// Values are not checked against the store's rules here (store/validate.h does that on load).
Result<Dataset> from_json(std::string_view text);

}  // namespace bdp::exchange
