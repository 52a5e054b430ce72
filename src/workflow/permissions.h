// Who may do what in the back office: one table of role × action (permissions.cpp), checked by
// every back-office route. Each workflow transition is an action of its own. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/editor.h"

namespace bdp::workflow {

enum class Action {
  open_desk,            // the dashboard, one's own password
  view_queue,           // the review queues and a practice under review
  assign,               // set the assignee and due date
  comment,              // comment on a practice under review
  start_review,         // submitted → in review
  request_changes,      // in review → changes requested
  resume_review,        // changes requested → in review
  publish,              // in review → published
  archive,              // published → archived
  unarchive,            // archived → published
  view_audit,           // read and export the audit log
  manage_accounts,      // roles of other accounts
  manage_links,         // the links of "Inne bazy danych": list, add, edit, delete
  manage_documents,     // the document library: upload, edit, add versions, withdraw
  review_adoptions,     // "Zastosowaliśmy to u nas": publish, reject or withdraw what units sent
  assess,               // score a practice in review, or declare a conflict of interest
  see_assessments,      // read every reviewer's scores without having scored
  disclose_assessment,  // show or withhold the assessment's summary on the practice's public page
  restore_revision,     // make an old revision of a practice its working copy again
  verify,               // the overdue verification list; mark a practice's data verified
  manage_outbox,    // the mail outbox (no bodies: they carry private links); send a dead one again
  manage_units,     // edit a unit's data; merge a duplicate unit into another
  manage_sections,  // add, rename, move and reorder sections
  manage_branding,  // the programme header, funding note and partners of every page
  edit_content,     // edit a practice's text: its working copy, or a published one's fix or
                    // pending revision (and discard that)
};

const char* to_string(Action action);
std::optional<Action> action_from_string(std::string_view text);
const std::vector<Action>& all_actions();

// True when `role` may do `action`; the anonymous public may do none of them.
bool allowed(Role role, Action action);

}  // namespace bdp::workflow
