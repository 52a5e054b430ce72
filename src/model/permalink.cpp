#include "model/permalink.h"

namespace bdp {

std::string practice_path(std::int64_t id, const std::string& slug) {
  return practice_id_path(id) + "-" + slug;
}
std::string practice_path(const Practice& practice) {
  return practice_path(practice.id, practice.slug);
}
std::string practice_id_path(std::int64_t id) {
  return "/praktyki/" + std::to_string(id);
}
std::string section_path(const Section& section) {
  return "/dzialy/" + section.slug;
}
std::string unit_path(const Unit& unit) {
  return "/jednostki/" + unit.slug;
}

}  // namespace bdp
