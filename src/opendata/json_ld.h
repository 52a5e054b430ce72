// schema.org descriptions in JSON-LD for the portal's pages, so search engines read what a page
// shows: a practice (CreativeWork, its place as an AdministrativeArea with its TERYT code when
// known, publisher, dates), a unit (AdministrativeArea) and the open-data catalogue (Dataset
// with its downloads). Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "opendata/catalogue.h"
#include "opendata/practice_record.h"

namespace bdp::opendata {

struct Publisher {
  std::string name;  // "Związek Miast Polskich"
  std::string url;   // the portal's base URL
};

nlohmann::ordered_json practice_json_ld(const PracticeRecord& record, const Publisher& publisher,
                                        const std::string& licence_url);
// `practices`: the unit's published practices, named as what it is the subject of.
nlohmann::ordered_json unit_json_ld(const Unit& unit, const std::string& base_url,
                                    const std::vector<PracticeRecord>& practices);
nlohmann::ordered_json catalogue_json_ld(const CatalogueInfo& info);

// The text of a <script type="application/ld+json"> element: compact JSON with '<', '>' and '&'
// written as \u003c, \u003e, \u0026, so no text in it can end the element or open a comment.
std::string script_json(const nlohmann::ordered_json& value);

}  // namespace bdp::opendata
