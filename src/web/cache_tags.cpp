#include "web/cache_tags.h"

namespace bdp::web {

std::string practice_tag(std::int64_t id) {
  return "practice:" + std::to_string(id);
}
std::string unit_tag(std::int64_t id) {
  return "unit:" + std::to_string(id);
}
std::string unit_practices_tag(std::int64_t id) {
  return "unit-practices:" + std::to_string(id);
}
std::string section_practices_tag(std::int64_t id) {
  return "section-practices:" + std::to_string(id);
}

std::string document_tag(std::int64_t id) {
  return "document:" + std::to_string(id);
}

std::vector<std::string> listing_tags(const SectionTree& tree, std::int64_t section_id) {
  std::vector<std::string> tags;
  std::vector<std::int64_t> pending = {section_id};
  while (!pending.empty()) {
    const auto id = pending.back();
    pending.pop_back();
    tags.push_back(section_practices_tag(id));
    for (const Section* child : tree.children(id)) pending.push_back(child->id);
  }
  return tags;
}

std::optional<std::vector<std::string>> stale_tags(const Change& change) {
  switch (change.kind) {
    case EntityKind::unit:
      // Its page, and the practice pages and listings that show its name or Metryka fields.
      return std::vector<std::string>{unit_tag(change.id)};
    case EntityKind::practice: {
      if (change.related.empty()) return std::nullopt;
      // The home page lists the newest practices and counts them per section; the unit's and
      // the sections' listings it was or is in may gain or lose it.
      std::vector<std::string> tags = {practice_tag(change.id), kHomeTag};
      for (const auto& ref : change.related) {
        if (ref.kind == EntityKind::unit) tags.push_back(unit_practices_tag(ref.id));
        if (ref.kind == EntityKind::section) tags.push_back(section_practices_tag(ref.id));
      }
      return tags;
    }
    case EntityKind::link:
      return std::vector<std::string>{kLinksTag};  // only /inne-bazy shows links
    case EntityKind::document: {
      // Its page, the library's listing, and the pages of the practices it is or was attached
      // to (their "Załączniki" tab).
      std::vector<std::string> tags = {document_tag(change.id), kDocumentsTag};
      for (const auto& ref : change.related) {
        if (ref.kind == EntityKind::practice) tags.push_back(practice_tag(ref.id));
      }
      return tags;
    }
    case EntityKind::adoption: {
      // The pages of the practices it links and the listings naming them (their count).
      std::vector<std::string> tags;
      for (const auto& ref : change.related) {
        if (ref.kind == EntityKind::practice) tags.push_back(practice_tag(ref.id));
      }
      return tags;
    }
    case EntityKind::section:
    case EntityKind::setting:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace bdp::web
