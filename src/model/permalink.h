// Permalinks: the paths of the pages of practices, units and sections, the one place that
// knows the URL scheme (pages, feeds, sitemap, dumps and the API all build links with these).
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "model/practice.h"
#include "model/section.h"
#include "model/unit.h"

namespace bdp {

// "/praktyki/12-slug"
std::string practice_path(std::int64_t id, const std::string& slug);
std::string practice_path(const Practice& practice);
// "/praktyki/12": by id alone, redirected to the permalink (stable across new titles)
std::string practice_id_path(std::int64_t id);
// "/dzialy/pomoc-spoleczna"
std::string section_path(const Section& section);
// "/jednostki/srem-wielkopolskie"
std::string unit_path(const Unit& unit);

}  // namespace bdp
