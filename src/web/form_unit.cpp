#include "web/form_unit.h"

namespace bdp::web {

Result<std::int64_t> form_unit_id(Store& store, Writer& w, const Unit& unit) {
  auto stored = store.unit_by_slug(unit.slug);
  if (stored) return stored->id;
  if (stored.error().kind != ErrorKind::not_found) return std::unexpected(stored.error());
  return w.save_unit(unit);
}

}  // namespace bdp::web
