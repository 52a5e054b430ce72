// The back office's gate: who is logged in (the session cookie), whether their role may do an
// action (workflow/permissions.h), and the session-bound token every back-office form carries.
// Every /redakcja route but the login goes through it. Thread-safe as the Site is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/form.h"
#include "web/site.h"
#include "workflow/permissions.h"

namespace bdp::web {

inline constexpr const char* kSessionCookie = "bdp_session";
inline constexpr const char* kLoginPath = "/redakcja/logowanie";
inline constexpr const char* kDashboardPath = "/redakcja";

struct DeskVisit {
  Editor editor;
  std::string session_hash;  // of the session cookie's token
  std::string csrf;          // the token the desk's forms carry (auth/token.h, session-bound)
};

// The logged-in account; not_found without a live session.
Result<DeskVisit> desk_visitor(Site& site, const http::Request& request);

// The logged-in account when its role may do `action`; otherwise the answer to give: a 303 to
// the login page without a session, 403 when the role may not.
struct Admission {
  std::optional<DeskVisit> desk;
  http::Response refusal;  // when !desk
};
Admission admit(Site& site, const Visit& visit, workflow::Action action);

// A back-office form's fields once its token matches the session's; otherwise the error
// (invalid_input for a malformed body, forbidden for a missing or foreign token).
Result<http::FormFields> desk_form(Site& site, const Visit& visit, const DeskVisit& desk);

// A redirect after a back-office POST; never cached.
http::Response see_other(const std::string& location);
// An answer of the back office: personal, never stored, never compressed (it carries a token
// beside what the visitor typed: BREACH).
http::Response desk_page(Site& site, const Visit& visit, int status, const std::string& html);

// The desk bar for `desk`'s account (views.h DeskMenu), in `lang`.
DeskMenu desk_menu(const DeskVisit& desk, i18n::Lang lang);

// An audit entry by `desk` at `now` (Unix seconds).
AuditEntry audit_by(const DeskVisit& desk, std::int64_t now, std::string action, std::string entity,
                    std::string detail = {});

// Who saved a practice's revision: the account of `desk`, at `now`, for `reason`.
RevisionNote noted_by(const DeskVisit& desk, std::int64_t now, std::string reason);

std::int64_t unix_now();

}  // namespace bdp::web
