#include "model/link.h"

namespace bdp {

bool link_broken(const Link& link) {
  return link.checked_at != 0 && (link.last_status == 0 || link.last_status >= 400);
}

}  // namespace bdp
