// Checks of an OperationalState handed to Store::load_operational_state, and the order in which
// an engine reads and writes one, shared by every engine so that SQLite and PostgreSQL refuse the
// same state with the same message and fill it the same way. Pure; thread-safe.
#pragma once

#include <algorithm>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace bdp {

// Errors (invalid_input, naming the field): a negative visitor base or count, a visitor-day or
// salt whose day is not an ISO date, an empty visitor hash or salt, an invalid editor
// (validate_editor) or a non-positive editor id.
Status validate_operational_state(const OperationalState& state);

// Reads the state through an engine's row functions: read_visitors(OperationalState&) -> Status
// fills the counter part, read_editors() -> Result<std::vector<Editor>>. Editors by id.
template <class ReadVisitors, class ReadEditors>
Result<OperationalState> read_operational_state_with(ReadVisitors read_visitors,
                                                     ReadEditors read_editors) {
  OperationalState state;
  if (auto visitors = read_visitors(state); !visitors) return std::unexpected(visitors.error());
  auto editors = read_editors();
  if (!editors) return std::unexpected(editors.error());
  state.editors = std::move(*editors);
  std::ranges::sort(state.editors, {}, &Editor::id);
  return state;
}

// Validates `state`, then writes it through write_visitors(const OperationalState&) -> Status and
// write_editors(const std::vector<Editor>&) -> Status (inside the caller's transaction).
template <class WriteVisitors, class WriteEditors>
Status write_operational_state_with(const OperationalState& state, WriteVisitors write_visitors,
                                    WriteEditors write_editors) {
  if (auto valid = validate_operational_state(state); !valid) return valid;
  if (auto visitors = write_visitors(state); !visitors) return visitors;
  return write_editors(state.editors);
}

}  // namespace bdp
