// The public form "Zastosowaliśmy to u nas" (/praktyki/<id>/zastosowalismy): its fields (one
// table, rendered and checked as the submission form's steps), the checks with Polish messages
// bound to each field, and what a passing form becomes — the unit (found by its slug or added by
// the caller) and a pending adoption. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/adoption.h"
#include "model/unit.h"
#include "web/submission_form.h"

namespace bdp::web {

// The form's one step: the unit, how and when it took the practice up, what it changed, its own
// practice in the catalogue (optional), and who to ask.
const StepSpec& adoption_step();

// The id of the practice an address of this catalogue names: "/praktyki/12-slug",
// "https://any.host/en/praktyki/12/pelna-prezentacja", "12-slug" or "12"; nullopt for anything
// else.
std::optional<std::int64_t> practice_id_in(std::string_view address);

// The refused fields of `form` (empty when it passes): the step's checks, a year after
// `this_year`, an own practice that names no practice.
std::vector<FieldError> check_adoption(const SubmissionForm& form, int this_year);

// What a passing form says: the unit (no id: the caller finds or stores it; type and
// voivodeship as chosen), and the adoption of `practice_id` (pending, no unit id yet), sent on
// `today` ("YYYY-MM-DD").
struct AdoptionRecord {
  Unit unit;
  Adoption adoption;
};
AdoptionRecord adoption_record(const SubmissionForm& form, std::int64_t practice_id,
                               const std::string& today);

}  // namespace bdp::web
