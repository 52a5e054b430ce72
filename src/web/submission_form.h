// The public submission form (/zglos-praktyke): its steps and fields (one table), the checks of
// each step with Polish messages bound to their field, and what a complete form becomes — a unit
// and a submitted practice. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/form.h"
#include "model/practice.h"
#include "model/section_tree.h"
#include "model/unit.h"
#include "web/field_error.h"

namespace bdp::web {

enum class FieldKind {
  line,
  text,
  email,
  phone,
  url,
  number,
  postal_code,
  unit_type,
  voivodeship,
  consent,
  sections,
  year,          // a four-digit year, 1990–2100
  adoption_kind  // model/adoption.h's kinds, by name
};

struct FieldSpec {
  std::string name;   // the form field's name and id
  std::string label;  // i18n key, or a methodology heading (Polish data) when `heading`
  std::string hint;   // i18n key or methodology guidance ("" for none)
  FieldKind kind = FieldKind::line;
  bool required = false;
  std::size_t max_length = 200;  // in characters
  std::string autocomplete;      // "" for none
  bool heading = false;          // label and hint are Polish data, not i18n keys
};

// A field of the table: label and hint are i18n keys.
FieldSpec field_spec(std::string name, std::string label, FieldKind kind, bool required,
                     std::size_t max_length, std::string autocomplete = {}, std::string hint = {});

struct StepSpec {
  std::string slug;       // "jednostka": /zglos-praktyke/jednostka
  std::string title_key;  // i18n key
  std::vector<FieldSpec> fields;
};

// The steps in order: unit, contact, practice, full presentation.
const std::vector<StepSpec>& submission_steps();
// The step of `slug`; null when none.
const StepSpec* find_step(std::string_view slug);

// What the submitter has typed so far: values by field name (sections by id), and the steps
// they have completed (passed the checks).
struct SubmissionForm {
  std::map<std::string, std::string> values;
  std::vector<std::int64_t> section_ids;
  std::set<std::string> completed;
  // When the form edits a sent practice (changes were requested): its id and the hash of its
  // private link's token; 0 and "" for a new submission.
  std::int64_t practice_id = 0;
  std::string submission_hash;

  std::string value(const std::string& name) const;
  // Replaces the fields of `step` with those posted (a missing field is emptied).
  void take(const StepSpec& step, const http::FormFields& posted);
  std::string to_json() const;
  // Errors: invalid_input when `json` is not a form written by to_json.
  static Result<SubmissionForm> from_json(std::string_view json);
};

// The message (an i18n key) refusing `value` in a field of `spec` (required, length in
// characters, its kind); "" when it passes. Not for consent or sections.
std::string field_message(const FieldSpec& spec, const std::string& value);
// The ids ticked in the checkboxes `name` of `posted`, each once, in order; a value that is no
// id is dropped.
std::vector<std::int64_t> ticked_ids(const http::FormFields& posted, const std::string& name);
// The message refusing a choice of sections: none, or one `tree` does not have; "" when it passes.
std::string sections_message(const std::vector<std::int64_t>& ids, const SectionTree& tree);
// The checks of `step` over `form`; empty when it passes. `tree` gives the sections that exist.
std::vector<FieldError> check_step(const StepSpec& step, const SubmissionForm& form,
                                   const SectionTree& tree);

// The form that edits `practice` of `unit` (sent before with the private link of `token_hash`).
SubmissionForm form_of(const Practice& practice, const Unit& unit, const std::string& token_hash);

// The unit and the practice (status submitted) a complete form describes; `today` is
// "YYYY-MM-DD". The unit has no id: the caller finds or stores it.
struct SubmittedRecord {
  Unit unit;
  Practice practice;
  std::string email;  // the contact's, where the private link and notifications go
};
SubmittedRecord submitted_record(const SubmissionForm& form, const std::string& today);

}  // namespace bdp::web
