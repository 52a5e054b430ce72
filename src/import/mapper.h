// LegacyPage → model: the practice a page describes and the unit (JST) as this record states
// it. Store ids are not known here: the importer matches the unit and the sections.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "legacy/legacy_page.h"
#include "model/practice.h"
#include "model/unit.h"

namespace bdp::legacy {

struct MappedPage {
  Practice practice;  // id = the old `art` id or 0; unit_id 0 and section_ids empty until matched
  Unit unit;          // id 0; population: one figure dated by the year of entered_on
  std::vector<std::string> section_path;
  std::vector<Warning> warnings;  // the page's warnings, then the mapper's
  // Keys earlier importers gave this page when they misread it (former_source_keys), to find
  // and correct such a record in place.
  std::vector<std::string> former_source_keys;
};

// `source_file` goes into the provenance note. Errors (invalid_input): the page names no unit
// (no Miejscowość or no Województwo). Pure, thread-safe.
Result<MappedPage> map_page(const LegacyPage& page, const std::string& source_file);

// The stable key of an imported page: "legacy:art:<id>" when the old id is known, otherwise
// "legacy:sha:<first 16 hex digits of SHA-256 of title, LF, entered_on>".
std::string source_key(const LegacyPage& page);

// The keys of records that earlier importers made of this page by misreading it: a page
// without an old id whose one-level breadcrumb was read as the start of its title.
std::vector<std::string> former_source_keys(const LegacyPage& page);

// The key units are matched by: level ("gmina", "powiat", "województwo", "związek"), folded town
// and folded voivodeship; the gmina types (miejska, wiejska, miejsko-wiejska, miasto na prawach
// powiatu) share a level so that a record with the wrong one still matches its unit.
std::string unit_match_key(const Unit& unit);

}  // namespace bdp::legacy
