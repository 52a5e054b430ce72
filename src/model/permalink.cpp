#include "model/permalink.h"

#include "core/slug.h"

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

std::string document_path(const Document& document) {
  return "/publikacje/" + std::to_string(document.id) + "-" + slugify(document.title);
}
std::string document_file_path(std::int64_t id) {
  return "/publikacje/" + std::to_string(id) + "/plik";
}
std::string version_file_path(const DocumentVersion& version) {
  return "/publikacje/" + std::to_string(version.document_id) + "/wersje/" +
         std::to_string(version.number);
}

}  // namespace bdp
