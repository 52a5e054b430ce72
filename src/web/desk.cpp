#include "web/desk.h"

#include <chrono>

#include "auth/token.h"

namespace bdp::web {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<DeskVisit> desk_visitor(Site& site, const http::Request& request) {
  const auto cookie = request.cookie(kSessionCookie);
  const auto hash = cookie ? auth::session_token_hash(*cookie) : std::nullopt;
  if (!hash) return fail(ErrorKind::not_found, "no session cookie");
  auto editor = site.store.session_editor(*hash, unix_now());
  if (!editor) return std::unexpected(editor.error());
  return DeskVisit{std::move(*editor), *hash, auth::session_csrf_token(*cookie).value_or("")};
}

http::Response see_other(const std::string& location) {
  auto r = http::redirect(303, location);
  r.set_header("cache-control", "no-store");
  return r;
}

http::Response desk_page(Site& site, const Visit& visit, int status, const std::string& html) {
  auto r = site.page(visit, status, html);
  r.compressible = false;
  return r;
}

Admission admit(Site& site, const Visit& visit, workflow::Action action) {
  auto desk = desk_visitor(site, visit.request);
  if (!desk) {
    if (desk.error().kind == ErrorKind::not_found) return {std::nullopt, see_other(kLoginPath)};
    return {std::nullopt, site.error(visit, desk.error())};
  }
  if (!workflow::allowed(desk->editor.role, action)) {
    return {std::nullopt,
            site.error(visit, Error{ErrorKind::forbidden,
                                    std::string("role ") + to_string(desk->editor.role) +
                                        " may not " + workflow::to_string(action)})};
  }
  return {std::move(*desk), {}};
}

Result<http::FormFields> desk_form(Site& site, const Visit& visit, const DeskVisit& desk) {
  auto fields = http::parse_form(visit.request, site.config.limits.desk_form_bytes);
  if (!fields) return std::unexpected(fields.error());
  if (desk.csrf.empty() ||
      !auth::tokens_equal(desk.csrf, http::form_field(*fields, "csrf").value_or(""))) {
    return fail(ErrorKind::forbidden, "a back-office form without the session's token");
  }
  return fields;
}

DeskMenu desk_menu(const DeskVisit& desk, i18n::Lang lang) {
  const Role role = desk.editor.role;
  return DeskMenu{desk.editor.display_name,
                  std::string(i18n::tr(lang, std::string("desk.role.") + to_string(role))),
                  desk.csrf,
                  workflow::allowed(role, workflow::Action::view_queue),
                  workflow::allowed(role, workflow::Action::view_audit),
                  workflow::allowed(role, workflow::Action::manage_links),
                  workflow::allowed(role, workflow::Action::manage_documents),
                  workflow::allowed(role, workflow::Action::review_adoptions),
                  workflow::allowed(role, workflow::Action::verify),
                  workflow::allowed(role, workflow::Action::manage_outbox),
                  workflow::allowed(role, workflow::Action::manage_units),
                  workflow::allowed(role, workflow::Action::manage_sections),
                  workflow::allowed(role, workflow::Action::manage_branding)};
}

AuditEntry audit_by(const DeskVisit& desk, std::int64_t now, std::string action, std::string entity,
                    std::string detail) {
  return AuditEntry{0,
                    now,
                    desk.editor.id,
                    desk.editor.email,
                    std::move(action),
                    std::move(entity),
                    std::move(detail)};
}

RevisionNote noted_by(const DeskVisit& desk, std::int64_t now, std::string reason) {
  return RevisionNote{now, desk.editor.id, desk.editor.email, std::move(reason)};
}

}  // namespace bdp::web
