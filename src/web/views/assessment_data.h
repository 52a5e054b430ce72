// The review page's expert assessment as template data (partial assessment.mustache), internal
// to the views.
#pragma once

#include "web/views/views.h"

namespace bdp::web {

// Sets the assess_* keys of `d` from `panel`.
void add_assessment(Data& d, const ViewContext& ctx, const AssessmentPanel& panel);

}  // namespace bdp::web
