// What the public forms' pages share, internal to the views: the fields as template data
// (partial form_fields.mustache: label, hint, the value typed, the message of a refused field
// and the ARIA that ties them), the error summary linking each refused field, and the
// adoptions as template data.
#pragma once

#include <string>
#include <vector>

#include "model/adoption.h"
#include "web/adoption_form.h"
#include "web/submission_form.h"
#include "web/views/views.h"

namespace bdp::web {

// The UI text of `key` (i18n table) as a string.
std::string ui_text(i18n::Lang lang, const std::string& key);
// A label or hint of the table: an i18n key, or Polish data for the methodology's headings.
std::string spec_text(i18n::Lang lang, const FieldSpec& spec, const std::string& source);
// `spec`'s field over `form`, refused when `errors` names it.
Data field_data(const ViewContext& ctx, const FieldSpec& spec, const SubmissionForm& form,
                const std::vector<FieldError>& errors);
// `spec`'s field showing `value` (a sections field without its list).
Data field_data(const ViewContext& ctx, const FieldSpec& spec, const std::string& value,
                const std::vector<FieldError>& errors);
// A sections field: the context's tree as checkboxes, `checked` ticked.
Data sections_field(const ViewContext& ctx, const FieldSpec& spec,
                    const std::vector<std::int64_t>& checked,
                    const std::vector<FieldError>& errors);
// has_errors and errors: a link to each refused field (of this page by its id, one of another
// page by its address).
void set_errors(const ViewContext& ctx, Data& d, const std::vector<FieldError>& errors);
// "Błąd: <title>" when the page shows refused fields (the title is read first).
std::string titled(const ViewContext& ctx, const std::string& title, bool errors);
// "przeniesiona bez zmian", "dostosowana do naszych warunków" (or English).
std::string adoption_kind_label(i18n::Lang lang, AdoptionKind kind);

// One adoption as template data (adoption_views.cpp): the unit and its page, year, kind, what
// changed, the practice at the other end when it has a public page.
Data adoption_data(const ViewContext& ctx, const AdoptionLink& link);
// has_taken_up, taken_up, has_inspired_by, inspired_by: a practice page's adoptions.
void add_adoptions(Data& d, const ViewContext& ctx, const PracticeAdoptions& adoptions);

}  // namespace bdp::web
