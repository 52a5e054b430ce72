// The branding editors change in the browser: the programme header, the funding note and the
// partners of the footer. Kept in the database as the setting "branding" (JSON with the config
// file's keys), it replaces the config's own once an editor has saved it. The logo files stay
// under <assets>/branding/ (branding.h). Thread-safe: values and pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/store.h"
#include "web/site_config.h"

namespace bdp::web {

inline constexpr const char* kBrandingSetting = "branding";

struct Branding {
  std::string programme_header;
  std::string funding_note;
  std::vector<NamedLink> partners;
  bool operator==(const Branding&) const = default;
};

// The config file's branding (before any editor saved one).
Branding branding_of(const SiteConfig& config);

// The setting's JSON: {"programme_header", "funding_note", "partners": [{name, url, logo}]}.
std::string branding_json(const Branding& branding);
// Errors: invalid_input when `json` is not such an object.
Result<Branding> branding_from_json(std::string_view json);

// The branding in force: the stored setting, else the config's. Errors: the store's, and
// invalid_input for a stored setting that is not branding_json's.
Result<Branding> stored_branding(Store& store, const SiteConfig& config);

// The logos an editor may choose: the files of <assets_dir>/branding/ that check_branding
// accepts, by name.
std::vector<std::string> branding_logos(const std::string& assets_dir);

}  // namespace bdp::web
