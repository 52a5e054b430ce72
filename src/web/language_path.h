// The language of an address: Polish pages live at the root, English ones under /en/ (the
// address alone decides; the "lang" cookie only remembers a visitor's choice, pipeline.cpp).
#pragma once

#include <string>
#include <string_view>

#include "i18n/i18n.h"

namespace bdp::web {

// The same files and data in every language, so never under /en/ and never redirected:
// /static/, /api/, feeds, open-data files, sitemaps, the language switch, robots.txt, the
// library's files…
bool language_neutral(std::string_view path);

// A path split: "/en/praktyki/1-x" → {en, "/praktyki/1-x"}, "/en/" and "/en" → {en, "/"},
// anything else → {pl, path} as it is ("/enx" is no English address).
struct LanguagePath {
  i18n::Lang lang = i18n::Lang::pl;
  std::string_view path;
};
LanguagePath split_language(std::string_view path);

// `path` (a root-relative Polish address, maybe with a query) in `lang`: "/x" → "/en/x",
// "/" → "/en/" for English; the same path for Polish or a language-neutral one.
std::string localized_path(std::string_view path, i18n::Lang lang);

// `html` rendered by this portal with every href="/…" and action="/…" localized_path'ed for
// `lang` (untouched for Polish): the portal's own links and those of rendered Markdown (a
// user's text cannot make such an attribute: '"' in text and values is always escaped).
std::string localize_links(std::string_view html, i18n::Lang lang);

}  // namespace bdp::web
