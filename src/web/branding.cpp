#include "web/branding.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace bdp::web {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxLogoBytes = 256 * 1024;

Error refused(const std::string& logo, const std::string& why) {
  return Error{ErrorKind::invalid_input, fmt::format("branding image \"{}\": {}", logo, why)};
}

// An SVG an <img> shows safely and that stays harmless opened on its own at our origin.
bool tame_svg(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text.find("<svg") == std::string::npos) return false;
  for (const char* banned : {"<script", "javascript:", "<foreignobject", "<!entity", "<iframe"}) {
    if (text.find(banned) != std::string::npos) return false;
  }
  static const std::regex event_attribute(R"(\son[a-z]+\s*=)");
  return !std::regex_search(text, event_attribute);
}

Status check_logo(const std::string& logo, const std::string& text, const std::string& dir) {
  if (text.empty()) return std::unexpected(refused(logo, "needs its text (\"name\")"));
  const fs::path name(logo);
  if (logo.empty() || name.filename() != name || logo.starts_with('.')) {
    return std::unexpected(refused(logo, "must be a file name in the assets' branding/ folder"));
  }
  const auto ext = name.extension().string();
  if (ext != ".svg" && ext != ".png") {
    return std::unexpected(refused(logo, "must be an .svg or a .png file"));
  }
  const fs::path file = fs::path(dir) / "branding" / name;
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return std::unexpected(refused(logo, fmt::format("{} cannot be read", file.string())));
  if (size > kMaxLogoBytes) return std::unexpected(refused(logo, "is larger than 256 KiB"));
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string content = bytes.str();
  if (ext == ".png" && !content.starts_with("\x89PNG\r\n\x1a\n")) {
    return std::unexpected(refused(logo, "is not a PNG image"));
  }
  if (ext == ".svg" && !tame_svg(content)) {
    return std::unexpected(
        refused(logo, "is not an SVG image without scripts, event attributes or entities"));
  }
  return {};
}

}  // namespace

std::string branding_path(const std::string& logo) {
  return "/static/branding/" + logo;
}

Status check_branding(const SiteConfig& config, const std::string& assets_dir) {
  std::vector<const NamedLink*> images;  // marks that are nothing but their image
  if (config.programme_logo) images.push_back(&*config.programme_logo);
  for (const auto& mark : config.funding_marks) images.push_back(&mark);
  for (const NamedLink* mark : images) {
    if (auto ok = check_logo(mark->logo, mark->name, assets_dir); !ok) return ok;
  }
  for (const auto& partner : config.partners) {
    if (partner.logo.empty()) continue;  // a partner may be named without a logo
    if (auto ok = check_logo(partner.logo, partner.name, assets_dir); !ok) return ok;
  }
  return {};
}

}  // namespace bdp::web
