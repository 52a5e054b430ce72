// The one mapping from an expected failure to an HTTP status. The message shown to the client
// is the generic one of the status (from the translation table); the Error's own message is
// only logged.
#pragma once

#include "core/result.h"

namespace bdp::web {

int http_status_for(ErrorKind kind);

}  // namespace bdp::web
