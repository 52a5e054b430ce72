// The one translation table of the UI, and the locale-aware formatting of numbers, dates and
// plurals. Polish is the default language; English is complete. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bdp::i18n {

enum class Lang { pl, en };

// "pl" / "en" → Lang; anything else → nullopt.
std::optional<Lang> parse_lang(std::string_view code);
const char* code(Lang lang);

// The text of `key` in `lang`. An unknown key returns the key itself (and a test asserts that
// every key used by the templates exists in both languages).
std::string_view tr(Lang lang, std::string_view key);
// Every key of the table (for the completeness test).
std::vector<std::string_view> keys();

// 1756567 → "1 756 567" (pl: narrow no-break space groups) / "1,756,567" (en).
std::string format_number(Lang lang, std::int64_t n);
// A file size: 900 → "900 B", 12 345 → "12 kB", 1 234 567 → "1,2 MB" (pl) / "1.2 MB" (en)
// (powers of 1000, as file managers show them).
std::string format_size(Lang lang, std::int64_t bytes);
// "2008-04-01" → "1 kwietnia 2008 r." (pl) / "1 April 2008" (en); other input is returned as is.
std::string format_date(Lang lang, std::string_view iso_date);
// Count with the right plural noun: (pl, 1, "practice") → "1 praktyka", 2 → "2 praktyki",
// 5 → "5 praktyk"; (en, 1) → "1 practice", 2 → "2 practices". Nouns: "practice", "visitor",
// "unit", "result", "selected" (pl: "1 wybrany", "2 wybrane", "5 wybranych"), "document".
std::string count_noun(Lang lang, std::int64_t n, std::string_view noun);

}  // namespace bdp::i18n
