#include "web/portal_branding.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "web/branding.h"

namespace bdp::web {

Branding branding_of(const SiteConfig& config) {
  return Branding{config.programme_header, config.funding_note, config.partners};
}

std::string branding_json(const Branding& branding) {
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& p : branding.partners) {
    partners.push_back({{"name", p.name}, {"url", p.url}, {"logo", p.logo}});
  }
  return nlohmann::json{{"programme_header", branding.programme_header},
                        {"funding_note", branding.funding_note},
                        {"partners", partners}}
      .dump();
}

Result<Branding> branding_from_json(std::string_view json) {
  try {
    const auto j = nlohmann::json::parse(json);
    Branding b;
    b.programme_header = j.at("programme_header").get<std::string>();
    b.funding_note = j.at("funding_note").get<std::string>();
    for (const auto& p : j.at("partners")) {
      b.partners.push_back(NamedLink{p.at("name").get<std::string>(),
                                     p.at("url").get<std::string>(),
                                     p.at("logo").get<std::string>()});
    }
    return b;
  } catch (const nlohmann::json::exception& e) {
    return fail(ErrorKind::invalid_input, std::string("the branding setting: ") + e.what());
  }
}

Result<Branding> stored_branding(Store& store, const SiteConfig& config) {
  auto stored = store.setting(kBrandingSetting);
  if (!stored) {
    if (stored.error().kind == ErrorKind::not_found) return branding_of(config);
    return std::unexpected(stored.error());
  }
  return branding_from_json(*stored);
}

std::vector<std::string> branding_logos(const std::string& assets_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> logos;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(assets_dir) / "branding", ec)) {
    if (!entry.is_regular_file(ec)) continue;
    SiteConfig probe;
    const auto name = entry.path().filename().string();
    probe.partners = {NamedLink{name, "", name}};
    if (check_branding(probe, assets_dir)) logos.push_back(name);
  }
  std::ranges::sort(logos);
  return logos;
}

}  // namespace bdp::web
