#include "core/slug.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace bdp {
namespace {

// UTF-8 sequences of Polish letters (and a few common Latin ones) → ASCII.
constexpr std::array<std::pair<std::string_view, char>, 24> transliteration = {{
    {"ą", 'a'}, {"ć", 'c'}, {"ę", 'e'}, {"ł", 'l'}, {"ń", 'n'}, {"ó", 'o'}, {"ś", 's'}, {"ź", 'z'},
    {"ż", 'z'}, {"Ą", 'a'}, {"Ć", 'c'}, {"Ę", 'e'}, {"Ł", 'l'}, {"Ń", 'n'}, {"Ó", 'o'}, {"Ś", 's'},
    {"Ź", 'z'}, {"Ż", 'z'}, {"é", 'e'}, {"ü", 'u'}, {"ö", 'o'}, {"ä", 'a'}, {"č", 'c'}, {"š", 's'},
}};

}  // namespace

std::string slugify(std::string_view text, std::size_t max_length) {
  std::string out;
  bool pending_hyphen = false;
  for (std::size_t i = 0; i < text.size();) {
    char mapped = 0;
    std::size_t consumed = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) mapped = static_cast<char>(std::tolower(c));
    } else {
      for (const auto& [utf8, ascii] : transliteration) {
        if (text.substr(i, utf8.size()) == utf8) {
          mapped = ascii;
          consumed = utf8.size();
          break;
        }
      }
      if (!mapped) {  // skip the whole unknown UTF-8 sequence
        while (i + consumed < text.size() &&
               (static_cast<unsigned char>(text[i + consumed]) & 0xC0) == 0x80) {
          ++consumed;
        }
      }
    }
    i += consumed;
    if (!mapped) {
      pending_hyphen = !out.empty();
      continue;
    }
    if (pending_hyphen) {
      if (out.size() + 1 >= max_length) break;
      out += '-';
      pending_hyphen = false;
    }
    if (out.size() >= max_length) break;
    out += mapped;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool is_slug(std::string_view text) {
  if (text.empty() || text.size() > 80 || text.front() == '-' || text.back() == '-' ||
      text.find("--") != std::string_view::npos) {
    return false;
  }
  return std::ranges::all_of(
      text, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<std::int64_t> id_of_reference(std::string_view reference) {
  std::int64_t id = 0;
  const char* end = reference.data() + reference.size();
  auto [stop, ec] = std::from_chars(reference.data(), end, id);
  if (ec != std::errc() || id <= 0 || (stop != end && *stop != '-')) return std::nullopt;
  return id;
}

}  // namespace bdp
