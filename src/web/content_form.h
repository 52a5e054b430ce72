// The back office's form of a practice's text: one input per content field (model/revision.h)
// but the unit and the presentation's keys, which stay as they are (the sections are checkboxes
// of the tree); what was typed kept as typed when refused, each refusal bound to its field.
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "http/form.h"
#include "model/practice.h"
#include "model/revision.h"
#include "web/field_error.h"
#include "web/submission_form.h"

namespace bdp::web {

// The input of the content field `key`, named by the key; its label is the views' (the key's
// meaning). False `editable` for the fields the form leaves as they are.
struct ContentInput {
  FieldSpec spec;
  bool editable = true;
};
ContentInput content_input(const std::string& key);

// `fields` with one blank item more in each list the form may grow (contacts, attachments),
// after the list's last item: the rows where an item is added.
std::vector<ContentField> with_blank_items(std::vector<ContentField> fields);

// `shown` (the content the form was drawn from) with the posted value of each editable field:
// line breaks as LF, blank lines of a phone list dropped, the ticked sections as ids ("3,5";
// the form posts an empty one so that none ticked is told from none posted). A field not
// posted keeps its value.
std::vector<ContentField> posted_content(const http::FormFields& posted,
                                         const std::vector<ContentField>& shown);

struct CheckedContent {
  Practice practice;               // `base` with the typed content, when no errors
  std::vector<FieldError> errors;  // in the form's order; empty when it passes
};

// The practice `typed` makes of `base`: each field's checks (content_input), an entry date as
// YYYY-MM-DD, sections that `tree` has (one at least), then the store's (store/validate.h), a
// refusal of those bound to the title. A contact or attachment whose every field is blank is
// left out, unchecked: the blank row adds none, an item emptied is removed.
CheckedContent check_content(const std::vector<ContentField>& typed, const Practice& base,
                             const SectionTree& tree);

}  // namespace bdp::web
