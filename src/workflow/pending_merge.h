// Publishing a pending revision (model/revision.h) over a published text that was fixed since the
// revision was made from it: a three-way merge field by field. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/revision.h"

namespace bdp::workflow {

struct PendingMerge {
  std::vector<ContentField> fields;     // what becomes the published content
  std::vector<std::string> carried;     // keys fixed in the published text only: the fix is kept
  std::vector<std::string> overridden;  // keys changed in both, differently: the pending wins
};

// Per key of `base` (the published content the pending revision was made from), `live` (the
// published content now) and `pending`: a key the pending revision left as in `base` takes the
// live value; otherwise it takes the pending value, and is overridden when live changed it
// too, to something else. A key absent from the side that wins is absent from the result. The
// order is the pending revision's, then the live keys it lacks.
PendingMerge merge_pending(const std::vector<ContentField>& base,
                           const std::vector<ContentField>& live,
                           const std::vector<ContentField>& pending);

}  // namespace bdp::workflow
