#include "store/store.h"

namespace bdp {

const char* to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::practice:
      return "practice";
    case EntityKind::unit:
      return "unit";
    case EntityKind::section:
      return "section";
    case EntityKind::setting:
      return "setting";
    case EntityKind::document:
      return "document";
    case EntityKind::link:
      return "link";
    case EntityKind::adoption:
      return "adoption";
  }
  return "practice";
}

std::optional<EntityKind> entity_kind_from_string(std::string_view text) {
  for (auto kind :
       {EntityKind::practice, EntityKind::unit, EntityKind::section, EntityKind::setting,
        EntityKind::link, EntityKind::document, EntityKind::adoption}) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace bdp
