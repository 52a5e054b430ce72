// The documents of the read API under /api/v1/ (described in docs/openapi.json): pure functions
// from model values to JSON text with stable field names. A practice is the object of
// columns.h (record_json), the same as a line of praktyki.jsonl.gz. Strings are UTF-8; invalid
// bytes become U+FFFD. Thread-safe.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "opendata/practice_record.h"

namespace bdp::opendata {

// {"id", "url", "slug", "name", "type", "town", "county", "voivodeship", "teryt",
//  "population": [{"year", "count"}], "latitude", "longitude"}; empty texts are null.
nlohmann::ordered_json unit_json(const Unit& unit, const std::string& base_url);
// {"id", "parent_id", "slug", "name", "position", "url"}
nlohmann::ordered_json section_json(const Section& section, const std::string& base_url);

// {"id", "url" (its page), "file_url" (its current file), "title", "description", "year",
//  "kind", "language", "tags", "unit_ids", "practice_ids", "created_at", "updated_at",
//  "versions": those not withdrawn, newest first: [{"number", "url", "file_name", "format",
//  "size", "sha256", "uploaded_at"}]}; times as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
nlohmann::ordered_json document_json(const Document& document, const std::string& base_url);

// One page of a list: {"items": [...], "limit", "next_cursor", "next"}; next_cursor and next
// (the absolute URL of the next page) are null on the last page.
nlohmann::ordered_json list_page_json(nlohmann::ordered_json items, int limit,
                                      const std::optional<std::string>& next_cursor,
                                      const std::optional<std::string>& next_url);

// JSON text of `value` (compact, invalid UTF-8 replaced) and a newline.
std::string json_text(const nlohmann::ordered_json& value);

}  // namespace bdp::opendata
