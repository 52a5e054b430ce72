#include "store/store.h"

namespace bdp {

const char* to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::practice: return "practice";
    case EntityKind::unit: return "unit";
    case EntityKind::section: return "section";
    case EntityKind::setting: return "setting";
  }
  return "practice";
}

}  // namespace bdp
