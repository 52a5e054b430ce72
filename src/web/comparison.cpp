#include "web/comparison.h"

#include <algorithm>
#include <charconv>

namespace bdp::web {
namespace {

std::optional<std::int64_t> positive_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

void add_once(Compared& ids, std::int64_t id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

Compared compared_in_cookie(std::string_view value) {
  Compared ids;
  while (!value.empty() && ids.size() < kMaxCompared) {
    const auto dot = value.find('.');
    if (const auto id = positive_id(value.substr(0, dot))) add_once(ids, *id);
    value = dot == std::string_view::npos ? std::string_view{} : value.substr(dot + 1);
  }
  return ids;
}

std::optional<Compared> compared_in_query(const std::vector<std::string>& values) {
  Compared ids;
  for (const auto& value : values) {
    const auto id = positive_id(value);
    if (!id) return std::nullopt;
    add_once(ids, *id);
  }
  if (ids.size() > kMaxCompared) return std::nullopt;
  return ids;
}

std::string cookie_value(const Compared& ids) {
  std::string out;
  for (const auto id : ids) {
    if (!out.empty()) out += '.';
    out += std::to_string(id);
  }
  return out;
}

std::string comparison_path(const Compared& ids) {
  std::string out = "/porownaj";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out += i == 0 ? "?p=" : "&p=";
    out += std::to_string(ids[i]);
  }
  return out;
}

bool add_compared(Compared& ids, std::int64_t id) {
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return true;
  if (ids.size() >= kMaxCompared) return false;
  ids.push_back(id);
  return true;
}

}  // namespace bdp::web
