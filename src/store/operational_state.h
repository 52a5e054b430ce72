// Checks of an OperationalState handed to Store::load_operational_state. Pure; thread-safe.
#pragma once

#include "core/result.h"
#include "store/store.h"

namespace bdp {

// Errors (invalid_input, naming the field): a negative visitor base or count, a visitor-day or
// salt whose day is not an ISO date, an empty visitor hash or salt, an invalid editor
// (validate_editor) or a non-positive editor id.
Status validate_operational_state(const OperationalState& state);

}  // namespace bdp
