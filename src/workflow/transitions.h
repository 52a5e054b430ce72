// The review lifecycle (DESIGN.md §1.4): which status may follow which, by which action, and
// whether the editor must give a reason. Pure; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "model/practice.h"
#include "workflow/permissions.h"

namespace bdp::workflow {

struct Transition {
  PracticeStatus from;
  PracticeStatus to;
  Action action;
  bool reason_required;  // requesting changes says what to change
};

// Every transition, in the order the back office offers them.
const std::vector<Transition>& transitions();
// The transition that `action` makes from `from`; nullopt when it makes none from there.
std::optional<Transition> transition(PracticeStatus from, Action action);
// The transitions `role` may make from `from`.
std::vector<Transition> transitions_for(Role role, PracticeStatus from);

}  // namespace bdp::workflow
