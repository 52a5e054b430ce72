// The back office's form of a unit (JST): what was typed, kept as typed when refused, and its
// checks, each refusal bound to its field. Pure; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/form.h"
#include "model/unit.h"
#include "web/field_error.h"
#include "web/submission_form.h"

namespace bdp::web {

// The inputs of the form, in order: nazwa, slug, typ, miejscowosc, powiat, wojewodztwo, teryt,
// ludnosc and rok_ludnosci (one figure of the series), szerokosc and dlugosc (coordinates).
const std::vector<FieldSpec>& unit_form_fields();

struct UnitForm {
  std::map<std::string, std::string> values;  // by input name, trimmed
  std::string value(const std::string& name) const;

  // The form showing `unit` (its newest population figure in the figure's inputs).
  static UnitForm of(const Unit& unit);
  // The form as posted (inputs missing are empty).
  static UnitForm posted(const http::FormFields& fields);
};

struct CheckedUnit {
  Unit unit;                       // `stored` with the form's data, when no errors
  std::vector<FieldError> errors;  // in the form's order; empty when it passes
};

// The unit `form` makes of `stored`: name required; a slug of a-z, 0-9 and inner hyphens (the
// name's slug when empty); type and voivodeship from their lists or empty; a TERYT code of 2, 4
// or 7 digits or empty; a population figure (a whole number with its year, 1000–9999) replacing
// that year's in the series, or neither; latitude and longitude both or neither, in range (a
// decimal comma is read as a point). Longer inputs than the store keeps are refused.
CheckedUnit check_unit_form(const UnitForm& form, const Unit& stored);

}  // namespace bdp::web
