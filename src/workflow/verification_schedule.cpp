#include "workflow/verification_schedule.h"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace bdp::workflow {
namespace {

constexpr std::int64_t kSecondsPerMonth = 2629746;  // 1/12 of a Gregorian year

// The number of `width` digits at `at` in `text`, or nullopt.
std::optional<int> digits(const std::string& text, std::size_t at, std::size_t width) {
  if (text.size() < at + width) return std::nullopt;
  int n = 0;
  const char* first = text.data() + at;
  auto [end, ec] = std::from_chars(first, first + width, n);
  if (ec != std::errc() || end != first + width) return std::nullopt;
  return n;
}

}  // namespace

std::optional<std::int64_t> unix_of_iso(const std::string& iso) {
  const auto year = digits(iso, 0, 4);
  const auto month = digits(iso, 5, 2);
  const auto day = digits(iso, 8, 2);
  if (!year || !month || !day || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  std::int64_t seconds =
      std::chrono::sys_seconds(std::chrono::sys_days(date)).time_since_epoch().count();
  if (iso.size() >= 19 && iso[10] == 'T') {
    const auto h = digits(iso, 11, 2);
    const auto m = digits(iso, 14, 2);
    const auto s = digits(iso, 17, 2);
    if (h && m && s && *h < 24 && *m < 60 && *s < 61) seconds += *h * 3600 + *m * 60 + *s;
  }
  return seconds;
}

std::int64_t verified_since(const VerificationItem& item) {
  const std::int64_t changed = unix_of_iso(item.updated_at).value_or(0);
  const auto since = [&](std::int64_t at) { return at > 0 ? at : changed; };
  return std::min(since(item.verification.content_verified_at),
                  since(item.verification.contacts_verified_at));
}

VerificationState verification_state(const VerificationItem& item, std::int64_t now, int months) {
  const std::int64_t interval = static_cast<std::int64_t>(months) * kSecondsPerMonth;
  const std::int64_t since = verified_since(item);
  if (since == 0) return VerificationState::current;
  const std::int64_t age = now - since;
  if (age >= 2 * interval) return VerificationState::long_overdue;
  if (age >= interval) return VerificationState::due;
  return VerificationState::current;
}

std::vector<VerificationItem> overdue(std::vector<VerificationItem> items, std::int64_t now,
                                      int months) {
  std::erase_if(items, [&](const VerificationItem& item) {
    return verification_state(item, now, months) == VerificationState::current;
  });
  std::ranges::sort(items, [](const VerificationItem& a, const VerificationItem& b) {
    const auto as = verified_since(a);
    const auto bs = verified_since(b);
    return as != bs ? as < bs : a.practice_id < b.practice_id;
  });
  return items;
}

}  // namespace bdp::workflow
