#include "auth/sodium_init.h"

#include <sodium.h>

namespace bdp::auth {

Status ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) return fail(ErrorKind::internal, "libsodium cannot initialise");
  return {};
}

}  // namespace bdp::auth
