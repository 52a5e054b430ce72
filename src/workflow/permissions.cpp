#include "workflow/permissions.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

namespace bdp::workflow {
namespace {

using enum Role;

struct Grant {
  Action action;
  const char* name;
  std::initializer_list<Role> roles;
};

// The permission table. A submitter (an officer with an account) follows their own submission
// through its private link; in the back office they may only open the desk.
const std::array<Grant, 25> kGrants = {{
    {Action::open_desk, "open_desk", {administrator, editor, reviewer, submitter}},
    {Action::view_queue, "view_queue", {administrator, editor, reviewer}},
    {Action::assign, "assign", {administrator, editor}},
    {Action::comment, "comment", {administrator, editor, reviewer}},
    {Action::start_review, "start_review", {administrator, editor}},
    {Action::request_changes, "request_changes", {administrator, editor}},
    {Action::resume_review, "resume_review", {administrator, editor}},
    {Action::publish, "publish", {administrator, editor}},
    {Action::archive, "archive", {administrator, editor}},
    {Action::unarchive, "unarchive", {administrator, editor}},
    {Action::view_audit, "view_audit", {administrator, editor}},
    {Action::manage_accounts, "manage_accounts", {administrator}},
    {Action::manage_links, "manage_links", {administrator, editor}},
    {Action::manage_documents, "manage_documents", {administrator, editor}},
    {Action::review_adoptions, "review_adoptions", {administrator, editor}},
    {Action::assess, "assess", {administrator, editor, reviewer}},
    {Action::see_assessments, "see_assessments", {administrator, editor}},
    {Action::disclose_assessment, "disclose_assessment", {administrator, editor}},
    {Action::restore_revision, "restore_revision", {administrator, editor}},
    {Action::verify, "verify", {administrator, editor}},
    {Action::manage_outbox, "manage_outbox", {administrator, editor}},
    {Action::manage_units, "manage_units", {administrator, editor}},
    {Action::manage_sections, "manage_sections", {administrator, editor}},
    {Action::manage_branding, "manage_branding", {administrator, editor}},
    {Action::edit_content, "edit_content", {administrator, editor}},
}};

const Grant& grant(Action action) {
  return *std::ranges::find(kGrants, action, &Grant::action);
}

}  // namespace

const char* to_string(Action action) {
  return grant(action).name;
}

std::optional<Action> action_from_string(std::string_view text) {
  const auto* found =
      std::ranges::find(kGrants, text, [](const Grant& g) { return std::string_view(g.name); });
  if (found == kGrants.end()) return std::nullopt;
  return found->action;
}

const std::vector<Action>& all_actions() {
  static const std::vector<Action> actions = [] {
    std::vector<Action> out;
    out.reserve(kGrants.size());
    for (const auto& g : kGrants) out.push_back(g.action);
    return out;
  }();
  return actions;
}

bool allowed(Role role, Action action) {
  return std::ranges::find(grant(action).roles, role) != grant(action).roles.end();
}

}  // namespace bdp::workflow
