// Permalinks: the paths of the pages of practices, units and sections, the one place that
// knows the URL scheme (pages, feeds, sitemap, dumps and the API all build links with these).
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "model/document.h"
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
// "/publikacje/7-uchwala-nr-12": the document's page; its file is document_file_path.
std::string document_path(const Document& document);
// "/publikacje/7/plik": the current version's file (stable: always the newest one).
std::string document_file_path(std::int64_t id);
// "/publikacje/7/wersje/2": one version's own file (stable: never another file).
std::string version_file_path(const DocumentVersion& version);

}  // namespace bdp
