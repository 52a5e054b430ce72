// The editors' pages: GET/POST /redakcja/logowanie, GET /redakcja, POST /redakcja/wyloguj.
// Sessions live in the store (any node knows them); every answer is personal and sent with
// Cache-Control: no-store, never through the page cache.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <ranges>

#include "auth/password.h"
#include "auth/token.h"
#include "geo/place_resolution.h"
#include "http/cookie.h"
#include "http/form.h"
#include "store/validate.h"
#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

constexpr std::int64_t kSessionSeconds =
    std::int64_t{12} * 3600;  // one working day, then log in again
constexpr int kRecentChanges = 20;
constexpr const char* kLoginCsrfCookie = "bdp_csrf";
constexpr std::string_view kLoginCsrfPurpose = "login form csrf";

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

Error bad_form(std::string why) {
  return Error{ErrorKind::invalid_input, std::move(why)};
}
Error forged_form(std::string why) {
  return Error{ErrorKind::forbidden, std::move(why)};
}

bool secure_cookies(const Site& site) {
  return site.config.https();
}

http::Response login_page(Site& site, const Visit& visit, int status, const LoginForm& form) {
  const auto tree = site.sections();
  auto r = desk_page(site, visit, status, site.views.login(site.view_context(visit, *tree), form));
  // Double-submit of a token signed with a key of every node (a client cannot make one up),
  // in a cookie another site can neither read nor set (SameSite=Strict, HttpOnly). Path "/":
  // the form is at /redakcja/logowanie and at /en/redakcja/logowanie.
  add_cookie(r, {kLoginCsrfCookie, form.csrf, "/", std::nullopt, true, secure_cookies(site),
                 http::SameSite::strict});
  return r;
}

// Verifies the password and opens the session: deferred off the request threads (Argon2id takes
// 64 MiB and tens of milliseconds), on the server's bounded work pool.
http::Response finish_login(Site& site, const Visit& visit, LoginForm form,
                            const std::string& password, const std::string& email_key,
                            const std::string& address_key, std::int64_t now) {
  auto editor = site.store.editor_by_email(form.email);
  if (!editor && editor.error().kind != ErrorKind::not_found)
    return site.error(visit, editor.error());
  const bool matches =
      auth::verify_password(editor ? editor->password_hash : timing_hash(), password);
  if (!matches || !editor || editor->disabled) {
    site.address_throttle.record_failure(address_key, now);
    if (auto recorded = site.login_throttle.record_failure(email_key, now); !recorded) {
      return site.error(visit, recorded.error());
    }
    form.error = i18n::tr(visit.lang, "editor.login_failed");
    return login_page(site, visit, 401, form);
  }
  if (auto cleared = site.login_throttle.clear(email_key); !cleared) {
    return site.error(visit, cleared.error());
  }
  // A new token at every login: a token planted before it (session fixation) is never used.
  const auto token = auth::new_session_token();
  if (auto created =
          site.store.create_session({token.hash, editor->id, now, now + kSessionSeconds, now});
      !created) {
    return site.error(visit, created.error());
  }
  if (auto logged = site.store.append_audit(
          {0, now, editor->id, editor->email, "login", "editor:" + std::to_string(editor->id), ""});
      !logged) {
    return site.error(visit, logged.error());
  }
  auto r = see_other(kDashboardPath);
  add_cookie(r, {kSessionCookie, token.cookie_value, "/", kSessionSeconds, true,
                 secure_cookies(site), http::SameSite::lax});
  return r;
}

http::Response login_submit(Site& site, const Visit& visit) {
  auto fields = http::parse_form(visit.request, site.config.limits.form_bytes);
  if (!fields) return site.error(visit, fields.error());
  const auto cookie = visit.request.cookie(kLoginCsrfCookie).value_or("");
  if (!auth::tokens_equal(cookie, http::form_field(*fields, "csrf").value_or(""))) {
    return site.error(visit, forged_form("login form without its token"));
  }
  auto key = site.secrets.key(kLoginCsrfPurpose);
  if (!key) return site.error(visit, key.error());
  if (!auth::verify_signed_token(*key, cookie)) {
    return site.error(visit, forged_form("login form with a token not signed by the site"));
  }
  const auto email = http::form_field(*fields, "email");
  const auto password = http::form_field(*fields, "haslo");
  if (!email || !password) return site.error(visit, bad_form("login form without its fields"));
  LoginForm form{*email, cookie, {}};
  const auto now = unix_now();
  const std::string& address = visit.request.remote_address;
  std::string email_key = address + "\n" + normalize_email(*email).value_or(*email);
  auto account_wait = site.login_throttle.retry_after(email_key, now);
  if (!account_wait) return site.error(visit, account_wait.error());
  const auto wait = std::max(*account_wait, site.address_throttle.retry_after(address, now));
  if (wait > 0) {
    form.error = i18n::tr(visit.lang, "editor.too_many_attempts");
    auto r = login_page(site, visit, 429, form);
    r.set_header("retry-after", std::to_string(wait));
    return r;
  }
  auto request = std::make_shared<const http::Request>(visit.request);
  http::Response deferred;
  deferred.deferred = [&site, request, visit = visit.over(*request), form = std::move(form),
                       password = *password, email_key = std::move(email_key),
                       address_key = address, now] {
    return finish_login(site, visit, form, password, email_key, address_key, now);
  };
  return deferred;
}

Result<std::vector<RecentChange>> recent_changes(Site& site, i18n::Lang lang) {
  auto last = site.store.last_change_seq();
  if (!last) return std::unexpected(last.error());
  auto changes =
      site.store.changes_since(std::max<std::int64_t>(0, *last - kRecentChanges), kRecentChanges);
  if (!changes) return std::unexpected(changes.error());
  const auto tree = site.sections();
  std::vector<RecentChange> out;
  for (const Change& change : std::views::reverse(*changes)) {
    RecentChange item{
        change.seq,
        std::string(i18n::tr(lang, fmt::format("editor.kind.{}", to_string(change.kind)))),
        fmt::format("#{}", change.id),
        {},
        change.deleted};
    // Records deleted or changed since are shown by id: the list is history, not a join.
    if (!change.deleted && change.kind == EntityKind::practice) {
      if (auto p = site.store.practice(change.id)) {
        item.title = p->title;
        if (p->status == PracticeStatus::published) item.href = practice_path(*p);
      }
    } else if (!change.deleted && change.kind == EntityKind::unit) {
      if (auto u = site.store.unit(change.id)) {
        item.title = u->name;
        item.href = unit_path(*u);
      }
    } else if (!change.deleted && change.kind == EntityKind::link) {
      if (auto l = site.store.link(change.id)) {
        item.title = l->name;
        item.href = fmt::format("/redakcja/linki/{}", l->id);
      }
    } else if (!change.deleted && change.kind == EntityKind::adoption) {
      if (auto a = site.store.adoption(change.id)) {
        if (auto p = site.store.practice(a->practice_id)) item.title = p->title;
        item.href = "/redakcja/zastosowania";
      }
    } else if (!change.deleted && change.kind == EntityKind::section) {
      if (const Section* s = tree->find(change.id)) {
        item.title = s->name;
        item.href = section_path(*s);
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

// The units the map places only at a centre, or not at all (geo/place_resolution.h).
Result<std::vector<UnplacedUnit>> unplaced_units(Site& site, i18n::Lang lang) {
  auto units = site.store.units();
  if (!units) return std::unexpected(units.error());
  std::vector<UnplacedUnit> out;
  for (const auto& u : *units) {
    const auto place = geo::resolve_place(u, site.gazetteer);
    if (!place.approximate()) continue;
    out.push_back({u.name, u.slug, unit_path(u),
                   std::string(i18n::tr(
                       lang, std::string("editor.placed.") + geo::to_string(place.source)))});
  }
  return out;
}

http::Response dashboard(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, workflow::Action::open_desk);
  if (!admission.desk) return admission.refusal;
  const DeskVisit& desk = *admission.desk;
  auto changes = recent_changes(site, visit.lang);
  if (!changes) return site.error(visit, changes.error());
  auto unplaced = unplaced_units(site, visit.lang);
  if (!unplaced) return site.error(visit, unplaced.error());
  const auto tree = site.sections();
  return desk_page(site, visit, 200,
                   site.views.dashboard(site.view_context(visit, *tree),
                                        desk_menu(desk, visit.lang), *changes, *unplaced));
}

http::Response logout(Site& site, const Visit& visit) {
  auto fields = http::parse_form(visit.request, site.config.limits.form_bytes);
  if (!fields) return site.error(visit, fields.error());
  const auto cookie = visit.request.cookie(kSessionCookie);
  const auto hash = cookie ? auth::session_token_hash(*cookie) : std::nullopt;
  if (!hash) return see_other(kLoginPath);  // no session: nothing to end
  const auto expected = auth::session_csrf_token(*cookie).value_or("");
  if (!auth::tokens_equal(expected, http::form_field(*fields, "csrf").value_or(""))) {
    return site.error(visit, forged_form("logout form without the session's token"));
  }
  if (auto deleted = site.store.delete_session(*hash); !deleted) {
    return site.error(visit, deleted.error());
  }
  auto r = see_other(kLoginPath);
  add_cookie(r, {kSessionCookie, "", "/", 0, true, secure_cookies(site), http::SameSite::lax});
  return r;
}

}  // namespace

void add_editor_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [](Handler h) { return Route{RouteKind::page, std::move(h)}; };
  routes.add(M::get, kLoginPath, page([&site](const Visit& v, const Params&) {
               if (desk_visitor(site, v.request)) return see_other(kDashboardPath);
               auto key = site.secrets.key(kLoginCsrfPurpose);
               if (!key) return site.error(v, key.error());
               // Keep the token of an open form (two tabs); a missing, forged or yesterday's
               // one is replaced.
               auto token = v.request.cookie(kLoginCsrfCookie);
               if (!token || !auth::verify_signed_token(*key, *token)) {
                 token = auth::signed_token(*key);
               }
               return login_page(site, v, 200, LoginForm{{}, *token, {}});
             }));
  routes.add(M::post, kLoginPath,
             page([&site](const Visit& v, const Params&) { return login_submit(site, v); }));
  routes.add(M::get, kDashboardPath,
             page([&site](const Visit& v, const Params&) { return dashboard(site, v); }));
  routes.add(M::post, "/redakcja/wyloguj",
             page([&site](const Visit& v, const Params&) { return logout(site, v); }));
}

}  // namespace bdp::web
