// The section tree as kept in the index metadata (for facet labels without the store).
// Internal to the search module. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/section.h"

namespace bdp::search {

std::string serialize_sections(const std::vector<Section>& sections);
// Empty on malformed input (the index then shows section ids as labels until reindexed).
std::vector<Section> parse_sections(const std::string& data);

}  // namespace bdp::search
