// The editors' pages: GET/POST /redakcja/logowanie, GET /redakcja, POST /redakcja/wyloguj.
// Sessions live in the store (any node knows them); every answer is personal and sent with
// Cache-Control: no-store, never through the page cache.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "auth/password.h"
#include "auth/token.h"
#include "http/cookie.h"
#include "http/form.h"
#include "store/validate.h"
#include "web/error_mapping.h"
#include "web/portal.h"

namespace bdp::web {
namespace {

constexpr std::size_t kMaxFormBytes = 8 * 1024;      // an e-mail, a password, a token: far less
constexpr std::int64_t kSessionSeconds = 12 * 3600;  // one working day, then log in again
constexpr int kRecentChanges = 20;
constexpr const char* kSessionCookie = "bdp_session";
constexpr const char* kLoginCsrfCookie = "bdp_csrf";
constexpr const char* kLoginPath = "/redakcja/logowanie";
constexpr const char* kDashboardPath = "/redakcja";

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http::Response see_other(const char* location) {
  auto r = http::redirect(303, location);
  r.set_header("cache-control", "no-store");
  return r;
}

// Our own tokens are base64url, so the header always builds; a failure is a bug, logged.
void add_cookie(http::Response& response, const http::SetCookie& cookie) {
  if (auto header = http::set_cookie_header(cookie)) {
    response.headers.emplace_back("set-cookie", std::move(*header));
  } else {
    spdlog::error("cookie {} could not be built", cookie.name);
  }
}

// An unknown e-mail is verified against this hash, so that it takes as long as a known one
// and the answer's timing does not tell whether the e-mail exists.
const std::string& timing_hash() {
  static const std::string hash =
      auth::hash_password("no editor has this password").value_or(std::string());
  return hash;
}

}  // namespace

bool Portal::secure_cookies() const {
  return options_.config.base_url.starts_with("https://");
}

Result<Portal::EditorVisit> Portal::current_editor(const http::Request& request) {
  const auto cookie = request.cookie(kSessionCookie);
  const auto hash = cookie ? auth::session_token_hash(*cookie) : std::nullopt;
  if (!hash) return fail(ErrorKind::not_found, "no session cookie");
  auto editor = store_.session_editor(*hash, now_seconds());
  if (!editor) return std::unexpected(editor.error());
  return EditorVisit{std::move(*editor), auth::session_csrf_token(*cookie).value_or("")};
}

http::Response Portal::login_page(const Visit& visit, int status, const LoginForm& form) {
  const auto tree = sections();
  auto ctx = view_context(visit);
  ctx.sections = tree.get();
  auto r = html(visit, status, views_->login(ctx, form));
  // Double-submit: the form's token must come back with this cookie, which another site can
  // neither read nor set (SameSite=Strict, HttpOnly, only sent to /redakcja).
  add_cookie(r, {kLoginCsrfCookie, form.csrf, kDashboardPath, std::nullopt, true, secure_cookies(),
                 http::SameSite::strict});
  return r;
}

http::Response Portal::login_submit(const Visit& visit) {
  auto fields = http::parse_form(*visit.request, kMaxFormBytes);
  if (!fields) return error_page(visit, 400);
  const auto cookie = visit.request->cookie(kLoginCsrfCookie).value_or("");
  if (!auth::tokens_equal(cookie, http::form_field(*fields, "csrf").value_or(""))) {
    return error_page(visit, 403);
  }
  const auto email = http::form_field(*fields, "email");
  const auto password = http::form_field(*fields, "haslo");
  if (!email || !password) return error_page(visit, 400);
  LoginForm form{*email, cookie, {}};
  const auto now = now_seconds();
  const std::string key =
      visit.request->remote_address + "\n" + normalize_email(*email).value_or(*email);
  if (const auto wait = login_throttle_.retry_after(key, now); wait > 0) {
    form.error = i18n::tr(visit.lang, "editor.too_many_attempts");
    auto r = login_page(visit, 429, form);
    r.set_header("retry-after", std::to_string(wait));
    return r;
  }
  auto editor = store_.editor_by_email(*email);
  if (!editor && editor.error().kind != ErrorKind::not_found) {
    spdlog::error("login: {}", editor.error().message);
    return error_page(visit, http_status_for(editor.error().kind));
  }
  const bool matches =
      auth::verify_password(editor ? editor->password_hash : timing_hash(), *password);
  if (!matches || !editor || editor->disabled) {
    login_throttle_.record_failure(key, now);
    form.error = i18n::tr(visit.lang, "editor.login_failed");
    return login_page(visit, 401, form);
  }
  login_throttle_.clear(key);
  // A new token at every login: a token planted before it (session fixation) is never used.
  const auto token = auth::new_session_token();
  if (auto created =
          store_.create_session({token.hash, editor->id, now, now + kSessionSeconds, now});
      !created) {
    spdlog::error("login: cannot create a session: {}", created.error().message);
    return error_page(visit, http_status_for(created.error().kind));
  }
  auto r = see_other(kDashboardPath);
  add_cookie(r, {kSessionCookie, token.cookie_value, "/", kSessionSeconds, true, secure_cookies(),
                 http::SameSite::lax});
  return r;
}

Result<std::vector<RecentChange>> Portal::recent_changes(i18n::Lang lang) {
  auto last = store_.last_change_seq();
  if (!last) return std::unexpected(last.error());
  auto changes =
      store_.changes_since(std::max<std::int64_t>(0, *last - kRecentChanges), kRecentChanges);
  if (!changes) return std::unexpected(changes.error());
  const auto tree = sections();
  std::vector<RecentChange> out;
  for (auto it = changes->rbegin(); it != changes->rend(); ++it) {
    RecentChange item{
        it->seq,
        std::string(i18n::tr(lang, fmt::format("editor.kind.{}", to_string(it->kind)))),
        fmt::format("#{}", it->id),
        {},
        it->deleted};
    // Records deleted or changed since are shown by id: the list is history, not a join.
    if (!it->deleted && it->kind == EntityKind::practice) {
      if (auto p = store_.practice(it->id)) {
        item.title = p->title;
        if (p->status == PracticeStatus::published) item.href = practice_path(*p);
      }
    } else if (!it->deleted && it->kind == EntityKind::unit) {
      if (auto u = store_.unit(it->id)) {
        item.title = u->name;
        item.href = unit_path(*u);
      }
    } else if (!it->deleted && it->kind == EntityKind::section) {
      if (const Section* s = tree->find(it->id)) {
        item.title = s->name;
        item.href = section_path(*s);
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

http::Response Portal::dashboard(const Visit& visit) {
  auto editor = current_editor(*visit.request);
  if (!editor) {
    if (editor.error().kind == ErrorKind::not_found) return see_other(kLoginPath);
    spdlog::error("dashboard: {}", editor.error().message);
    return error_page(visit, http_status_for(editor.error().kind));
  }
  auto changes = recent_changes(visit.lang);
  if (!changes) {
    spdlog::error("dashboard: {}", changes.error().message);
    return error_page(visit, http_status_for(changes.error().kind));
  }
  const auto tree = sections();
  auto ctx = view_context(visit);
  ctx.sections = tree.get();
  return html(visit, 200,
              views_->dashboard(ctx, editor->editor.display_name, *changes, editor->logout_csrf));
}

http::Response Portal::logout(const Visit& visit) {
  auto fields = http::parse_form(*visit.request, kMaxFormBytes);
  if (!fields) return error_page(visit, 400);
  const auto cookie = visit.request->cookie(kSessionCookie);
  const auto hash = cookie ? auth::session_token_hash(*cookie) : std::nullopt;
  if (!hash) return see_other(kLoginPath);  // no session: nothing to end
  const auto expected = auth::session_csrf_token(*cookie).value_or("");
  if (!auth::tokens_equal(expected, http::form_field(*fields, "csrf").value_or(""))) {
    return error_page(visit, 403);
  }
  if (auto deleted = store_.delete_session(*hash); !deleted) {
    spdlog::error("logout: {}", deleted.error().message);
    return error_page(visit, http_status_for(deleted.error().kind));
  }
  auto r = see_other(kLoginPath);
  add_cookie(r, {kSessionCookie, "", "/", 0, true, secure_cookies(), http::SameSite::lax});
  return r;
}

void Portal::add_editor_routes() {
  using M = http::Method;
  router_.add(M::get, kLoginPath, [this](const Visit& v, const Params&) {
    if (current_editor(*v.request)) return see_other(kDashboardPath);
    // Keep the token of an open form (two tabs); a missing or forged one is replaced.
    auto token = v.request->cookie(kLoginCsrfCookie);
    if (!token || !auth::is_well_formed_token(*token)) token = auth::random_token();
    return login_page(v, 200, LoginForm{{}, *token, {}});
  });
  router_.add(M::post, kLoginPath,
              [this](const Visit& v, const Params&) { return login_submit(v); });
  router_.add(M::get, kDashboardPath,
              [this](const Visit& v, const Params&) { return dashboard(v); });
  router_.add(M::post, "/redakcja/wyloguj",
              [this](const Visit& v, const Params&) { return logout(v); });
}

}  // namespace bdp::web
