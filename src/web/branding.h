// The portal's branding images: the programme's logo, the partners' logos and the funding
// marks are files under <assets>/branding/ that the config names ("logo"), each with the text
// it stands for; served as any asset (/static/branding/…, long-cached).
#pragma once

#include <string>

#include "core/result.h"
#include "web/site_config.h"

namespace bdp::web {

// The address of a logo the config names: "/static/branding/<file>".
std::string branding_path(const std::string& logo);

// Every logo the config names is a plain file name under `assets_dir`/branding/, a PNG or an
// SVG (by its bytes, not only its name) of at most 256 KiB, an SVG without scripts, event
// attributes, javascript: links, character references, foreign objects, entities or style
// sheets; and each has its text. The first failure, naming
// the file, otherwise.
Status check_branding(const SiteConfig& config, const std::string& assets_dir);

}  // namespace bdp::web
