#include "web/views/content_labels.h"

#include <fmt/format.h>

#include <map>

namespace bdp::web {
namespace {

std::string text_of(i18n::Lang lang, const std::string& key) {
  return std::string(i18n::tr(lang, key));
}

const std::string* value_of(const std::vector<ContentField>& fields, const std::string& key) {
  for (const auto& f : fields) {
    if (f.key == key) return &f.value;
  }
  return nullptr;
}

}  // namespace

std::string content_label(i18n::Lang lang, const std::string& key,
                          const std::vector<ContentField>& fields,
                          const std::vector<ContentField>& fallback) {
  static const std::map<std::string, std::string> kLabels = {
      {"title", "rev.title"},
      {"summary", "practice.summary"},
      {"entered_on", "field.entered_on"},
      {"unit_id", "rev.unit"},
      {"implementing_body", "field.implementing_body"},
      {"postal_code", "rev.postal_code"},
      {"post_office", "rev.post_office"},
      {"street", "field.street"},
      {"website", "field.website"},
      {"population", "field.population"},
      {"sections", "practice.sections"},
      {"provenance.source", "rev.provenance.source"},
      {"provenance.programme", "rev.provenance.programme"},
      {"provenance.note", "rev.provenance.note"},
  };
  if (auto found = kLabels.find(key); found != kLabels.end()) return text_of(lang, found->second);
  const auto k = list_field_key(key);
  if (!k) return key;
  if (k->list == "presentation" && k->sub == "body") {
    const std::string heading_key = fmt::format("presentation.{}.heading", k->index);
    const std::string* heading = value_of(fields, heading_key);
    if (!heading) heading = value_of(fallback, heading_key);
    if (heading && !heading->empty()) {
      return fmt::format("{}: {}", text_of(lang, "practice.view_full"), *heading);
    }
  }
  if (k->list != "contacts" && k->list != "presentation" && k->list != "attachments") return key;
  return fmt::format("{} {}: {}", text_of(lang, fmt::format("rev.{}", k->list)), k->index + 1,
                     text_of(lang, fmt::format("rev.{}.{}", k->list, k->sub)));
}

}  // namespace bdp::web
