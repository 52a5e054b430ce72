#include "i18n/i18n.h"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "i18n/table.h"

namespace bdp::i18n {

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "pl") return Lang::pl;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

const char* code(Lang lang) {
  return lang == Lang::en ? "en" : "pl";
}

std::string_view tr(Lang lang, std::string_view key) {
  static const auto index = [] {
    std::unordered_map<std::string_view, const Entry*> m;
    for (const auto& e : table()) m.emplace(e.key, &e);
    return m;
  }();
  auto it = index.find(key);
  if (it == index.end()) return key;
  return lang == Lang::en ? it->second->en : it->second->pl;
}

std::vector<std::string_view> keys() {
  std::vector<std::string_view> out;
  for (const auto& e : table()) out.push_back(e.key);
  return out;
}

std::string format_size(Lang lang, std::int64_t bytes) {
  if (bytes < 1000) return format_number(lang, bytes) + " B";
  if (bytes < 1'000'000) return format_number(lang, (bytes + 500) / 1000) + " kB";
  const std::int64_t tenths = (bytes + 50'000) / 100'000;
  return format_number(lang, tenths / 10) + (lang == Lang::en ? "." : ",") +
         std::to_string(tenths % 10) + " MB";
}

std::string format_number(Lang lang, std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  // Polish typography groups thousands with a (narrow) no-break space; four-digit numbers
  // stay ungrouped ("2008", "1000" is fine either way, we group from 10 000 up as the norm).
  const bool group = lang == Lang::en ? digits.size() > 3 : digits.size() > 4;
  const std::string sep = lang == Lang::en ? "," : "\u00a0";
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (group && i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string format_date(Lang lang, std::string_view iso) {
  static constexpr std::array<const char*, 12> pl_months = {
      "stycznia", "lutego",   "marca",    "kwietnia",     "maja",      "czerwca",
      "lipca",    "sierpnia", "września", "października", "listopada", "grudnia"};
  static constexpr std::array<const char*, 12> en_months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 ||
      std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 31) {
    return std::string(iso);
  }
  if (lang == Lang::en) return fmt::format("{} {} {}", d, en_months[m - 1], y);
  return fmt::format("{} {} {} r.", d, pl_months[m - 1], y);
}

namespace {

struct Noun {
  std::string_view key, pl_one, pl_few, pl_many, en_one, en_many;
};

constexpr std::array<Noun, 8> nouns = {{
    {"practice", "praktyka", "praktyki", "praktyk", "practice", "practices"},
    {"visitor", "gość", "gości", "gości", "visitor", "visitors"},
    {"unit", "jednostka", "jednostki", "jednostek", "unit", "units"},
    {"result", "wynik", "wyniki", "wyników", "result", "results"},
    {"selected", "wybrany", "wybrane", "wybranych", "selected", "selected"},
    {"document", "dokument", "dokumenty", "dokumentów", "document", "documents"},
    {"town", "miejscowość", "miejscowości", "miejscowości", "town", "towns"},
    // A listing's count of the units that took a practice up: "Przeniesiona do: 2 jednostki".
    {"adopting_unit", "jednostka ją zastosowała", "jednostki ją zastosowały",
     "jednostek ją zastosowało", "unit took it up", "units took it up"},
}};

// Polish plural category: one (1), few (2–4, 22–24, … but not 12–14), many (the rest).
std::string_view polish_form(const Noun& noun, std::int64_t n) {
  const auto abs = n < 0 ? -n : n;
  if (abs == 1) return noun.pl_one;
  const auto last = abs % 10, last_two = abs % 100;
  if (last >= 2 && last <= 4 && !(last_two >= 12 && last_two <= 14)) return noun.pl_few;
  return noun.pl_many;
}

}  // namespace

std::string count_noun(Lang lang, std::int64_t n, std::string_view noun_key) {
  for (const auto& noun : nouns) {
    if (noun.key != noun_key) continue;
    const auto word =
        lang == Lang::en ? (n == 1 ? noun.en_one : noun.en_many) : polish_form(noun, n);
    return fmt::format("{} {}", format_number(lang, n), word);
  }
  return format_number(lang, n);
}

}  // namespace bdp::i18n
