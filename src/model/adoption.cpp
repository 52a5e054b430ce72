#include "model/adoption.h"

#include <array>
#include <utility>

namespace bdp {
namespace {

constexpr std::array<std::pair<AdoptionKind, const char*>, 2> kKinds = {{
    {AdoptionKind::adopted, "adopted"},
    {AdoptionKind::adapted, "adapted"},
}};
constexpr std::array<std::pair<AdoptionStatus, const char*>, 3> kStatuses = {{
    {AdoptionStatus::pending, "pending"},
    {AdoptionStatus::published, "published"},
    {AdoptionStatus::rejected, "rejected"},
}};

template <class Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return table.front().second;
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, const char*>, N>& table,
                             std::string_view text) {
  for (const auto& [v, name] : table) {
    if (text == name) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* to_string(AdoptionKind kind) {
  return name_of(kKinds, kind);
}
std::optional<AdoptionKind> adoption_kind_from_string(std::string_view text) {
  return value_of(kKinds, text);
}
const char* to_string(AdoptionStatus status) {
  return name_of(kStatuses, status);
}
std::optional<AdoptionStatus> adoption_status_from_string(std::string_view text) {
  return value_of(kStatuses, text);
}

}  // namespace bdp
