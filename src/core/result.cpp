#include "core/result.h"

namespace bdp {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return "invalid_input";
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::conflict:
      return "conflict";
    case ErrorKind::forbidden:
      return "forbidden";
    case ErrorKind::unavailable:
      return "unavailable";
    case ErrorKind::too_many_requests:
      return "too_many_requests";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace bdp
