#include "web/language_path.h"

#include <array>

namespace bdp::web {
namespace {

constexpr std::string_view kEnglish = "/en";

}  // namespace

bool language_neutral(std::string_view path) {
  static constexpr std::array<std::string_view, 7> kPrefixes = {
      "/static/", "/api/", "/kanaly/", "/jezyk/", "/en/", "/dane/", "/sitemap"};
  static constexpr std::array<std::string_view, 3> kFiles = {"/robots.txt", "/favicon.ico",
                                                             "/healthz"};
  for (auto prefix : kPrefixes) {
    if (path.starts_with(prefix)) return true;
  }
  const auto bare = path.substr(0, path.find_first_of("?#"));
  // A library document's file, thumbnail and versions: the same bytes in both languages.
  if (bare.starts_with("/publikacje/") &&
      (bare.ends_with("/plik") || bare.ends_with("/miniatura") ||
       bare.find("/wersje/") != std::string_view::npos)) {
    return true;
  }
  for (auto file : kFiles) {
    if (bare == file) return true;
  }
  return false;
}

LanguagePath split_language(std::string_view path) {
  if (path == kEnglish) return {i18n::Lang::en, "/"};
  if (path.starts_with(kEnglish) && path.size() > kEnglish.size() && path[kEnglish.size()] == '/') {
    return {i18n::Lang::en, path.substr(kEnglish.size())};
  }
  return {i18n::Lang::pl, path};
}

std::string localized_path(std::string_view path, i18n::Lang lang) {
  if (lang == i18n::Lang::pl || !path.starts_with('/') || path.starts_with("//") ||
      language_neutral(path)) {
    return std::string(path);
  }
  return std::string(kEnglish).append(path);
}

std::string localize_links(std::string_view html, i18n::Lang lang) {
  if (lang == i18n::Lang::pl) return std::string(html);
  static constexpr std::array<std::string_view, 2> kAttributes = {" href=\"/", " action=\"/"};
  std::string out;
  out.reserve(html.size() + html.size() / 64);
  std::size_t pos = 0;
  for (;;) {
    std::size_t next = std::string_view::npos;
    std::size_t length = 0;
    for (auto attribute : kAttributes) {
      const auto at = html.find(attribute, pos);
      if (at < next) {
        next = at;
        length = attribute.size() - 1;  // up to the value's opening '/'
      }
    }
    if (next == std::string_view::npos) break;
    const auto value = next + length;
    const auto end = html.find('"', value);
    if (end == std::string_view::npos) break;
    out.append(html.substr(pos, value - pos));
    out.append(localized_path(html.substr(value, end - value), lang));
    pos = end;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace bdp::web
