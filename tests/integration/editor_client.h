// An editor's browser, reduced to what the editor tests need: add an editor with `bdp editor
// add`, fetch the login form (its CSRF cookie and field), post forms, read Set-Cookie. Test-only.
#pragma once

#include <cstdlib>
#include <regex>
#include <string>

#include "bdp_process.h"

namespace bdp::testing {

inline constexpr const char* kEditorPassword = "zielona-herbata-42";

// Runs `bdp editor add` on `db`, the password given as CI gives it (BDP_EDITOR_PASSWORD).
inline void add_editor(const TestDatabase& db, const std::string& email, const std::string& name,
                       const std::string& password = kEditorPassword,
                       const std::string& role = "editor") {
  setenv("BDP_EDITOR_PASSWORD", password.c_str(), 1);
  auto [code, out] = run_bdp(
      {"editor", "add", "--database", db.url(), "--email", email, "--name", name, "--role", role},
      db.dir());
  unsetenv("BDP_EDITOR_PASSWORD");
  ASSERT_EQ(code, 0) << out;
}

inline std::string post_request(const std::string& target, const std::string& body,
                                const std::string& extra_headers = {},
                                const std::string& type = "application/x-www-form-urlencoded") {
  return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" +
         body;
}

// The value a response's Set-Cookie gives cookie `name`; "" when it sets none.
inline std::string set_cookie_value(const RawResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == "set-cookie" && v.starts_with(name + "=")) {
      return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
    }
  }
  return {};
}
// The whole Set-Cookie line of cookie `name`; "" when none.
inline std::string set_cookie_line(const RawResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == "set-cookie" && v.starts_with(name + "=")) return v;
  }
  return {};
}

// The value of the hidden csrf field of a page's form.
inline std::string csrf_field(const std::string& html) {
  std::smatch m;
  static const std::regex field(R"re(name="csrf" value="([^"]*)")re");
  return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

// "a%40b.pl": enough form encoding for the e-mails and passwords of the tests.
inline std::string form_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// Opens the login form on `node` and posts the credentials with its CSRF cookie and field.
inline RawResponse log_in(const BdpServer& node, const std::string& email,
                          const std::string& password = kEditorPassword) {
  auto form = node.get("/redakcja/logowanie");
  EXPECT_TRUE(form && form->status == 200);
  if (!form) return {};
  const auto csrf = set_cookie_value(*form, "bdp_csrf");
  EXPECT_EQ(csrf, csrf_field(form->body));
  auto r = node.request(post_request(
      "/redakcja/logowanie",
      "csrf=" + csrf + "&email=" + form_encode(email) + "&haslo=" + form_encode(password),
      "Cookie: bdp_csrf=" + csrf + "\r\n"));
  EXPECT_TRUE(r.has_value());
  return r.value_or(RawResponse{});
}

inline std::string session_header(const std::string& session) {
  return "Cookie: bdp_session=" + session + "\r\n";
}

// The session cookie header of a fresh login of `email` on `node`.
inline std::string session_of(const BdpServer& node, const std::string& email) {
  auto login = log_in(node, email);
  EXPECT_EQ(login.status, 303) << login.body;
  return session_header(set_cookie_value(login, "bdp_session"));
}

}  // namespace bdp::testing
