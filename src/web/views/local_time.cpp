#include "web/views/local_time.h"

#include <ctime>

namespace bdp::web {

std::string local_time(std::int64_t at) {
  const std::time_t t = at;
  std::tm tm{};
  localtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%d %H:%M", &tm);
  return out;
}

}  // namespace bdp::web
