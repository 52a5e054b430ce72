// Whether a published practice's data is still current: when its content and its contacts were
// last confirmed (by an editor, or by the submitter through a reminder's link), and the last
// reminder sent. Times are Unix seconds (UTC); 0 means never.
#pragma once

#include <cstdint>
#include <string>

namespace bdp {

struct Verification {
  std::int64_t practice_id = 0;
  std::int64_t content_verified_at = 0;
  std::int64_t contacts_verified_at = 0;
  std::int64_t reminded_at = 0;
  std::string confirm_token_hash;  // of the last reminder's link, "" when none is open
  bool operator==(const Verification&) const = default;
};

// A published practice with its verification: a line of the editors' list.
struct VerificationItem {
  std::int64_t practice_id = 0;
  std::string title;
  std::string unit_name;
  std::string updated_at;  // the practice's last change, ISO (store time)
  Verification verification;
  bool operator==(const VerificationItem&) const = default;
};

}  // namespace bdp
