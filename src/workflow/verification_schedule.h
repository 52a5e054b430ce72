// When a published practice's data is due for verification: each of its two dates (content,
// contacts) counts from when it was last confirmed, or, never confirmed, from the practice's
// last change; the older one decides. Due after the interval, long overdue after twice the
// interval (the public page then warns). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/verification.h"

namespace bdp::workflow {

inline constexpr int kDefaultVerificationMonths = 12;

enum class VerificationState { current, due, long_overdue };

// Unix seconds of an ISO timestamp "YYYY-MM-DDTHH:MM:SS…" (UTC; a bare date counts from its
// midnight); nullopt when it does not start with a valid date.
std::optional<std::int64_t> unix_of_iso(const std::string& iso);

// The moment the item's data counts as verified from (see above); 0 when it has no date at all.
std::int64_t verified_since(const VerificationItem& item);

// Where the item stands at `now` with an interval of `months` (> 0) months of 30.436875 days;
// current when it has no date at all (nothing to count from).
VerificationState verification_state(const VerificationItem& item, std::int64_t now, int months);

// The items due or long overdue at `now`, the longest unverified first (then by id).
std::vector<VerificationItem> overdue(std::vector<VerificationItem> items, std::int64_t now,
                                      int months);

}  // namespace bdp::workflow
