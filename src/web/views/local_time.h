// Times as the back office shows them: "2026-12-01 15:04" in the server's time zone (the
// portal's: Europe/Warsaw).
#pragma once

#include <cstdint>
#include <string>

namespace bdp::web {

std::string local_time(std::int64_t at);

}  // namespace bdp::web
