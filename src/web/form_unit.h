// The unit a public form names (a submission, an adoption): the stored one of the same slug,
// or the unit added in the form's own transaction. Thread-safe as the Store is.
#pragma once

#include <cstdint>

#include "store/store.h"

namespace bdp::web {

// The id of `unit` (no id: found by its slug in `store`, else saved through `w`).
Result<std::int64_t> form_unit_id(Store& store, Writer& w, const Unit& unit);

}  // namespace bdp::web
