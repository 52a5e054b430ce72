#include "store/operational_state.h"

#include <string>

#include "store/validate.h"

namespace bdp {

Status validate_operational_state(const OperationalState& state) {
  if (state.visitor_base < 0) return fail(ErrorKind::invalid_input, "visitor base is negative");
  if (state.visitor_days_counted < 0) {
    return fail(ErrorKind::invalid_input, "visitor-day count is negative");
  }
  for (const auto& visitor : state.recent_visitors) {
    if (auto valid = validate_visit(visitor.day, visitor.hash); !valid) return valid;
  }
  for (const auto& salt : state.daily_salts) {
    if (!is_iso_date(salt.day)) {
      return fail(ErrorKind::invalid_input, "salt day '" + salt.day + "' is not YYYY-MM-DD");
    }
    if (salt.salt.empty()) return fail(ErrorKind::invalid_input, "empty salt for " + salt.day);
  }
  for (const auto& editor : state.editors) {
    if (editor.id <= 0) {
      return fail(ErrorKind::invalid_input, "editor " + editor.email + " has no id");
    }
    if (auto valid = validate_editor(editor); !valid) return valid;
  }
  for (const auto& retired : state.retired_slugs) {
    if (retired.kind != EntityKind::unit && retired.kind != EntityKind::section) {
      return fail(ErrorKind::invalid_input,
                  std::string("a retired slug of a ") + to_string(retired.kind));
    }
    if (retired.slug.empty() || retired.target_id <= 0) {
      return fail(ErrorKind::invalid_input, "a retired slug without its slug or target");
    }
  }
  return {};
}

}  // namespace bdp
