// Scratch schemas: an empty schema of its own in an existing PostgreSQL database, for tests and
// tools that need a fresh database without the right to create one. Each gets a random name and
// a URL whose connections put it first on their search_path.
#pragma once

#include <string>

#include "core/result.h"

namespace bdp {

struct ScratchSchema {
  std::string name;  // "t_" and 16 hex digits
  std::string url;   // the given URL with options=-csearch_path=<name> added
};

// Creates a new empty schema in the database at `url`. REQUIRES: `url` is a postgresql:// URL
// without an `options` parameter (invalid_input otherwise). Errors: unavailable when the server
// cannot be reached, internal when the user may not create schemas.
Result<ScratchSchema> create_scratch_schema(const std::string& url);

// Drops the schema and everything in it. Errors: as above; not_found is not an error (dropping
// twice succeeds).
Status drop_scratch_schema(const ScratchSchema& schema);

}  // namespace bdp
