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

// `adoptions` as the editors' list shows them: each with its unit, the practice it took up
// (linked when public) and the own practice it names, with that practice's unit.
Result<std::vector<DeskAdoption>> desk_adoptions(Store& store,
                                                 const std::vector<Adoption>& adoptions);

}  // namespace bdp::web
