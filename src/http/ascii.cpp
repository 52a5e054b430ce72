#include "http/ascii.h"

#include <algorithm>

namespace bdp::http {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

std::string_view trim_ows(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

void append_lower_ascii(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out.append(text);
  std::transform(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
                 out.begin() + static_cast<std::ptrdiff_t>(start), lower_ascii);
}

}  // namespace bdp::http
