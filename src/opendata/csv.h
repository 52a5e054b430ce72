// CSV as RFC 4180: fields separated by commas, records ended by CRLF, a field quoted when it
// holds a comma, a quote, CR or LF (quotes inside doubled). Bytes are written as given (the dumps
// are UTF-8). Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace bdp::opendata {

// `field` as it goes between the separators.
std::string csv_field(std::string_view field);
// Writes one record of `fields` with its CRLF.
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);
// The text of a column value in a CSV cell: a string as is, a number in JSON notation, null
// as an empty cell, an array's elements joined with ";" (a ";" inside an element becomes ",").
std::string csv_cell(const nlohmann::ordered_json& value);

}  // namespace bdp::opendata
