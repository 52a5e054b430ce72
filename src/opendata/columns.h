// The fields of the open data: the one list of what a published practice is exported as (the
// columns of praktyki.csv, the keys of each praktyki.jsonl.gz line and of a practice in the read
// API), each with the model fields it comes from and its description for the field dictionary;
// and the model fields deliberately left out, each with the reason (contact persons' personal
// data above all). tests/opendata/columns_test.cpp fails when a model field is in neither list.
// Pure data and functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "opendata/practice_record.h"

namespace bdp::opendata {

struct Column {
  std::string_view name;  // "unit_voivodeship": CSV header, JSON key; stable, never renamed
  std::string_view type;  // "integer", "string", "date", "list of strings", …
  std::vector<std::string_view> model_fields;  // "Unit::voivodeship": where the value comes from
  std::string_view description_pl;
  std::string_view description_en;
  // The value: a string, a number, null (unknown) or an array of strings or integers.
  nlohmann::ordered_json (*value)(const PracticeRecord& record);
};

struct ExcludedField {
  std::string_view model_field;  // "Practice::contacts"
  std::string_view reason;       // why it stays out of the open data
};

// In export order.
const std::vector<Column>& columns();
const std::vector<ExcludedField>& excluded_fields();

// The JSON object of one practice: every column's name and value, in column order.
nlohmann::ordered_json record_json(const PracticeRecord& record);

}  // namespace bdp::opendata
