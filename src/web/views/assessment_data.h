// The expert assessment as template data: the review page's (partial assessment.mustache) and
// the disclosed summary on a practice's public page. Internal to the views.
#pragma once

#include "web/views/views.h"

namespace bdp::web {

// Sets the assess_* keys of `d` from `panel`.
void add_assessment(Data& d, const ViewContext& ctx, const AssessmentPanel& panel);
// Sets the public_assessment keys of `d` from the disclosed summary's `lines`.
void add_public_assessment(Data& d, i18n::Lang lang,
                           const std::vector<workflow::CriterionSummary>& lines);

}  // namespace bdp::web
