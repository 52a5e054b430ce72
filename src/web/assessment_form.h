// The expert assessment form of the review page: field names and reading what was posted
// against the current criteria (model/assessment.h). Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/form.h"
#include "model/assessment.h"

namespace bdp::web {

inline constexpr const char* kJustificationField = "uzasadnienie";
inline constexpr const char* kConfidenceField = "pewnosc";
std::string score_field(const Criterion& criterion);  // "k_innowacyjnosc"

// What was posted, as far as it reads, and the fields refused: criterion keys without a score
// of 0–5, kJustificationField when blank, kConfidenceField without low/medium/high.
struct AssessmentInput {
  Assessment assessment;  // criteria version, scores read, justification, confidence
  std::vector<std::string> refused;
};
AssessmentInput read_assessment_form(const http::FormFields& fields);

}  // namespace bdp::web
