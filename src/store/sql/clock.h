// The store's clock: times it stamps on rows (updated_at, change_log.at) come from here, the
// same text on both engines.
#pragma once

#include <cstdint>
#include <string>

namespace bdp::sql {

// Now in UTC as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_timestamp();
// Now as Unix seconds (the back office's times).
std::int64_t unix_seconds();
// Now in UTC with milliseconds, "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string utc_timestamp_ms();
// The ISO date before `iso_day` ("2024-03-01" → "2024-02-29"). REQUIRES: a valid YYYY-MM-DD.
std::string previous_day(const std::string& iso_day);

}  // namespace bdp::sql
