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

constexpr std::uintmax_t kMaxLogoBytes = std::uintmax_t{256} * 1024;

Error refused(const std::string& logo, const std::string& why) {
  return Error{ErrorKind::invalid_input, fmt::format("branding image \"{}\": {}", logo, why)};
}

// Why an SVG is not one an <img> shows safely and that stays harmless opened on its own at our
// origin (it is also served with a CSP that runs nothing: asset_routes.cpp); "" when it is.
std::string untame_svg(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text.find("<svg") == std::string::npos) return "is not an SVG image";
  const std::pair<const char*, const char*> banned[] = {
      {"<script", "holds a script"},         {"javascript:", "holds a javascript: link"},
      {"&#", "holds a character reference"}, {"<foreignobject", "holds a foreign object"},
      {"<!entity", "declares an entity"},    {"<?xml-stylesheet", "names a style sheet"},
      {"<iframe", "holds a frame"}};
  for (const auto& [needle, why] : banned) {
    if (text.find(needle) != std::string::npos) return why;
  }
  static const std::regex event_attribute(R"(\son[a-z]+\s*=)");
  return std::regex_search(text, event_attribute) ? "has an event attribute" : "";
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
  if (ext == ".svg") {
    if (const auto why = untame_svg(content); !why.empty())
      return std::unexpected(refused(logo, why));
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
