#include "workflow/transitions.h"

#include <algorithm>

namespace bdp::workflow {

const std::vector<Transition>& transitions() {
  using S = PracticeStatus;
  static const std::vector<Transition> table = {
      {S::submitted, S::in_review, Action::start_review, false},
      {S::in_review, S::changes_requested, Action::request_changes, true},
      {S::changes_requested, S::in_review, Action::resume_review, false},
      {S::in_review, S::published, Action::publish, false},
      {S::published, S::archived, Action::archive, false},
      {S::archived, S::published, Action::unarchive, false},
  };
  return table;
}

std::optional<Transition> transition(PracticeStatus from, Action action) {
  const auto& table = transitions();
  const auto found = std::ranges::find_if(
      table, [&](const Transition& t) { return t.from == from && t.action == action; });
  if (found == table.end()) return std::nullopt;
  return *found;
}

std::vector<Transition> transitions_for(Role role, PracticeStatus from) {
  std::vector<Transition> out;
  for (const auto& t : transitions()) {
    if (t.from == from && allowed(role, t.action)) out.push_back(t);
  }
  return out;
}

}  // namespace bdp::workflow
