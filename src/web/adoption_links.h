// The adoptions a page shows, read from the store with what they link: the units and the
// practices at the other end (only those with a public page are linked). Thread-safe as the
// Store is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"
#include "web/views/views.h"

namespace bdp::web {

// The published adoptions of practice `practice_id`, both ways; the tags of the units and
// practices they show are added to `tags` (cache_tags.h).
Result<PracticeAdoptions> practice_adoptions(Store& store, std::int64_t practice_id,
                                             std::vector<std::string>& tags);

// `adoptions` each with its unit and the practice it took up (linked when public).
Result<std::vector<AdoptionLink>> adopted_practices(Store& store,
                                                    const std::vector<Adoption>& adoptions);

}  // namespace bdp::web
