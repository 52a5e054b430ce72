#include "legacy/legacy_address.h"

#include <cctype>
#include <charconv>

namespace bdp::legacy {
namespace {

std::optional<std::int64_t> positive_id(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size() || value <= 0) return std::nullopt;
  return value;
}

int tab_from(std::string_view s) {
  if (s == "2") return tab_presentation;
  if (s == "3") return tab_attachments;
  return tab_summary;
}

}  // namespace

std::optional<LegacyAddress> parse_legacy_address(
    const std::multimap<std::string, std::string>& query) {
  const auto art_it = query.find("art");
  if (art_it == query.end()) return std::nullopt;
  const auto art = positive_id(art_it->second);
  if (!art) return std::nullopt;
  LegacyAddress address;
  address.art = *art;
  if (const auto s = query.find("s"); s != query.end()) address.tab = tab_from(s->second);
  if (const auto p1 = query.find("p1"); p1 != query.end()) address.p1 = p1->second;
  if (const auto p2 = query.find("p2"); p2 != query.end()) address.p2 = p2->second;
  return address;
}

std::optional<LegacyAddress> parse_legacy_href(std::string_view href) {
  const auto question = href.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  std::string_view rest = href.substr(question + 1);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  std::multimap<std::string, std::string> query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.starts_with("amp;")) pair.remove_prefix(4);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    query.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
  }
  return parse_legacy_address(query);
}

std::optional<std::int64_t> art_from_file_name(std::string_view file_name) {
  if (const auto slash = file_name.find_last_of('/'); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  for (std::size_t i = 0; i + 3 <= file_name.size(); ++i) {
    const std::string_view word = file_name.substr(i, 3);
    if (word != "art" && word != "ART" && word != "Art") continue;
    if (i > 0 && std::isalpha(static_cast<unsigned char>(file_name[i - 1]))) continue;
    std::size_t j = i + 3;
    if (j < file_name.size() &&
        (file_name[j] == '_' || file_name[j] == '-' || file_name[j] == '=')) {
      ++j;
    }
    std::size_t k = j;
    while (k < file_name.size() && std::isdigit(static_cast<unsigned char>(file_name[k]))) ++k;
    if (k < file_name.size() && std::isalnum(static_cast<unsigned char>(file_name[k]))) continue;
    if (const auto id = positive_id(file_name.substr(j, k - j))) return id;
  }
  return std::nullopt;
}

}  // namespace bdp::legacy
