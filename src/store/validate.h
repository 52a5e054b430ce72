// Checks of what callers hand to a Store, shared by every engine so that SQLite and PostgreSQL
// reject the same input with the same message. Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/adoption.h"
#include "model/assessment.h"
#include "model/editor.h"
#include "model/practice.h"
#include "model/section.h"
#include "model/unit.h"
#include "model/workflow.h"

namespace bdp {

// True for valid UTF-8 (strict: overlong forms, surrogates and truncated sequences are not).
bool is_utf8(std::string_view text);
// True for a real calendar date written "YYYY-MM-DD".
bool is_iso_date(std::string_view text);

// Errors (invalid_input, naming the field): empty slug or name, negative position, a section
// that is its own parent.
Status validate_section(const Section& section);
// Errors: empty slug or name, a type not in unit_types() (empty is allowed), a population year
// outside 1000–9999 or given twice, a negative count, coordinates out of range.
Status validate_unit(const Unit& unit);
// Errors: negative id, empty title, no unit, entered_on not an ISO date (empty is allowed),
// postal code not "NN-NNN" (empty is allowed), negative population, a contact without a name,
// an empty phone, a section given twice, a presentation section without key or heading, an
// attachment without URL.
Status validate_practice(const Practice& practice);
// validate_practice without the checks of ids: what a practice whose id, unit or sections are
// not stored yet (an import batch before it is written) can be checked for.
Status validate_practice_content(const Practice& practice);
// Errors: day not an ISO date, empty hash.
Status validate_visit(std::string_view day, std::string_view visitor_hash);

// An e-mail address as stored and compared: trimmed and Unicode case-folded (ICU), so that
// "Anna@Gmina.PL" and "anna@gmina.pl" are one editor. Errors: invalid_input when it is not one
// address (no '@' inside, spaces or control characters, invalid UTF-8, over 254 bytes).
Result<std::string> normalize_email(std::string_view email);
// Errors (invalid_input): the e-mail (as normalize_email), an empty or over-200-byte display
// name, an empty password hash.
Status validate_editor(const Editor& editor);
// Errors (invalid_input): an empty token hash, expires_at not after created_at.
Status validate_session(const EditorSession& session);
// Errors: no practice, an empty or over-20 000-byte body, a NUL anywhere.
Status validate_comment(const ReviewComment& comment);
// Errors: no action, a field over its length, a NUL anywhere.
Status validate_audit(const AuditEntry& entry);
// Errors: no token, a form over 1 MiB or with a NUL.
Status validate_draft(const SubmissionDraft& draft);
// Errors: no token or practice, a bad e-mail (normalize_email), a consent over its length.
Status validate_submission(const Submission& submission);

// Errors (invalid_input, naming the field): no practice or unit, the practice as its own
// adoption, a year outside 1990–2100, an empty account of the changes or one over 16 000 bytes,
// a contact name over 2 000 bytes, a contact e-mail that is not one (empty is allowed),
// created_on not an ISO date, a NUL in any text.
Status validate_adoption(const Adoption& adoption);

// Errors (invalid_input): no practice or reviewer, an unknown criteria version, a justification
// blank or over 20 000 bytes or with a NUL; a conflict with scores or a confidence; otherwise
// not exactly one score of 0–5 for each criterion of its version, in order, or no confidence.
Status validate_assessment(const Assessment& assessment);

// The sections reordered so that each comes after its parent when the parent is in the list
// too (loading a tree in one pass). Errors: invalid_input when parents form a cycle.
Result<std::vector<Section>> parents_first(const std::vector<Section>& sections);

}  // namespace bdp
