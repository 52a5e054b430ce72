#include "store/sql/clock.h"

#include <chrono>
#include <cstdio>

namespace bdp::sql {
namespace {

std::string format(bool with_ms) {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto day = floor<days>(now);
  const year_month_day date(day);
  const hh_mm_ss time(floor<milliseconds>(now - day));
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  std::string stamp(text);
  if (with_ms) {
    std::snprintf(text, sizeof text, ".%03d", static_cast<int>(time.subseconds().count()));
    stamp += text;
  }
  return stamp + "Z";
}

}  // namespace

std::int64_t unix_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string utc_timestamp() {
  return format(false);
}
std::string utc_timestamp_ms() {
  return format(true);
}

std::string previous_day(const std::string& iso_day) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(iso_day.c_str(), "%d-%u-%u", &y, &m, &d);
  const year_month_day before(sys_days(year_month_day(year(y), month(m), day(d))) - days(1));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(before.year()),
                static_cast<unsigned>(before.month()), static_cast<unsigned>(before.day()));
  return text;
}

}  // namespace bdp::sql
