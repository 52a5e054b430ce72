#include "web/site_config.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bdp::web {
namespace {

template <class T>
void read(const nlohmann::json& j, const char* key, T& out) {
  if (j.contains(key)) out = j.at(key).get<T>();
}

void read_mail(const nlohmann::json& j, mail::MailSettings& m) {
  read(j, "smtp_url", m.smtp_url);
  read(j, "from", m.from);
  read(j, "from_name", m.from_name);
  read(j, "username", m.username);
  read(j, "password", m.password);
  read(j, "require_tls", m.require_tls);
  read(j, "timeout_seconds", m.timeout_seconds);
  read(j, "poll_seconds", m.poll_seconds);
  read(j, "batch", m.batch);
  read(j, "max_attempts", m.retry.max_attempts);
  read(j, "retry_seconds", m.retry.first_delay_seconds);
  read(j, "max_retry_seconds", m.retry.max_delay_seconds);
}

NamedLink read_link(const nlohmann::json& item) {
  NamedLink link;
  read(item, "name", link.name);
  read(item, "url", link.url);
  read(item, "logo", link.logo);
  return link;
}

// The {name, url, logo} objects of the array `key`, when present.
void read_links(const nlohmann::json& j, const char* key, std::vector<NamedLink>& out) {
  if (!j.contains(key)) return;
  for (const auto& item : j.at(key)) out.push_back(read_link(item));
}

}  // namespace

Result<SiteConfig> load_site_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail(ErrorKind::not_found, fmt::format("config file {} cannot be read", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  SiteConfig c;
  try {
    const auto j = nlohmann::json::parse(buffer.str());
    read(j, "portal_title", c.portal_title);
    read(j, "portal_title_en", c.portal_title_en);
    read(j, "programme_header", c.programme_header);
    read(j, "funding_note", c.funding_note);
    read(j, "counter_since", c.counter_since);
    read(j, "counter_base", c.counter_base);
    read(j, "base_url", c.base_url);
    read(j, "default_lang", c.default_lang);
    read(j, "operator_name", c.operator_name);
    read(j, "contact_email", c.contact_email);
    read(j, "contact_phone", c.contact_phone);
    read(j, "statement_date", c.statement_date);
    if (j.contains("limits")) {
      const auto& l = j.at("limits");
      Limits& m = c.limits;
      read(l, "header_bytes", m.header_bytes);
      read(l, "body_bytes", m.body_bytes);
      read(l, "form_bytes", m.form_bytes);
      read(l, "desk_form_bytes", m.desk_form_bytes);
      read(l, "submission_form_bytes", m.submission_form_bytes);
      read(l, "chunk_framing_bytes", m.chunk_framing_bytes);
      read(l, "connections", m.connections);
      read(l, "connections_per_address", m.connections_per_address);
      read(l, "idle_seconds", m.idle_seconds);
      read(l, "request_seconds", m.request_seconds);
      read(l, "password_check_threads", m.password_check_threads);
      read(l, "password_check_queue", m.password_check_queue);
      read(l, "login_failures_per_email", m.login_failures_per_email);
      read(l, "login_failures_per_address", m.login_failures_per_address);
      read(l, "login_window_seconds", m.login_window_seconds);
      read(l, "new_visitors_per_address", m.new_visitors_per_address);
      read(l, "api_requests_per_minute", m.api_requests_per_minute);
      read(l, "submissions_per_hour", m.submissions_per_hour);
      read(l, "submission_min_seconds", m.submission_min_seconds);
      read(l, "upload_bytes", m.upload_bytes);
      read(l, "upload_seconds", m.upload_seconds);
    }
    read(j, "verification_months", c.verification_months);
    read(j, "map_tile_url", c.map_tile_url);
    read(j, "data_licence_name", c.data_licence_name);
    read(j, "data_licence_url", c.data_licence_url);
    if (j.contains("mail")) read_mail(j.at("mail"), c.mail);
    read_links(j, "partners", c.partners);
    read_links(j, "menu_links", c.menu_links);
    if (j.contains("programme_logo")) c.programme_logo = read_link(j.at("programme_logo"));
    read_links(j, "funding_marks", c.funding_marks);
  } catch (const nlohmann::json::exception& e) {
    return fail(ErrorKind::invalid_input, fmt::format("config file {}: {}", path, e.what()));
  }
  const Limits& m = c.limits;
  if (m.header_bytes < 1024 || m.body_bytes < m.form_bytes || m.body_bytes < m.desk_form_bytes ||
      m.body_bytes < m.submission_form_bytes || m.chunk_framing_bytes < 64 || m.connections < 1 ||
      m.connections_per_address < 1 || m.idle_seconds < 1 || m.request_seconds < 1 ||
      m.password_check_threads < 1 || m.login_failures_per_email < 1 ||
      m.login_failures_per_address < 1 || m.login_window_seconds < 1 ||
      m.new_visitors_per_address < 0 || m.api_requests_per_minute < 1 ||
      m.submissions_per_hour < 1 || m.submission_min_seconds < 0 || m.upload_bytes < 1024 ||
      m.upload_seconds < 10) {
    return fail(ErrorKind::invalid_input,
                fmt::format("config file {}: a value in \"limits\" is out of range "
                            "(docs/limits.md gives each one's meaning)",
                            path));
  }
  if (c.verification_months < 1 || c.verification_months > 120) {
    return fail(ErrorKind::invalid_input,
                fmt::format("config file {}: \"verification_months\" must be 1 to 120", path));
  }
  for (const auto& link : c.menu_links) {
    if (link.name.empty() || !link.logo.empty() ||
        !(link.url.starts_with("https://") || link.url.starts_with("http://"))) {
      return fail(ErrorKind::invalid_input,
                  fmt::format("config file {}: each of \"menu_links\" needs a name and an "
                              "http(s) url (and no logo)",
                              path));
    }
  }
  // The password is better kept out of a file that is copied around.
  if (const char* password = std::getenv("BDP_SMTP_PASSWORD"); password && *password) {
    c.mail.password = password;
  }
  if (auto valid = mail::validate_settings(c.mail); !valid) {
    return fail(ErrorKind::invalid_input,
                fmt::format("config file {}: {}", path, valid.error().message));
  }
  if (c.default_lang != "pl" && c.default_lang != "en") {
    return fail(ErrorKind::invalid_input,
                fmt::format("config file {}: default_lang must be \"pl\" or \"en\"", path));
  }
  return c;
}

}  // namespace bdp::web
