#include "web/site_config.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bdp::web {
namespace {

template <class T>
void read(const nlohmann::json& j, const char* key, T& out) {
  if (j.contains(key)) out = j.at(key).get<T>();
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
    read(j, "api_requests_per_minute", c.api_requests_per_minute);
    read(j, "data_licence_name", c.data_licence_name);
    read(j, "data_licence_url", c.data_licence_url);
    if (j.contains("partners")) {
      for (const auto& p : j.at("partners")) {
        Partner partner;
        read(p, "name", partner.name);
        read(p, "url", partner.url);
        c.partners.push_back(std::move(partner));
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(ErrorKind::invalid_input, fmt::format("config file {}: {}", path, e.what()));
  }
  if (c.default_lang != "pl" && c.default_lang != "en") {
    return fail(ErrorKind::invalid_input,
                fmt::format("config file {}: default_lang must be \"pl\" or \"en\"", path));
  }
  return c;
}

}  // namespace bdp::web
