#include "web/shared_throttle.h"

#include "auth/token.h"

namespace bdp::web {

Result<std::int64_t> SharedThrottle::retry_after(const std::string& key, std::int64_t now) {
  auto failures = store_.login_failures(auth::text_hash(key), now - window_);
  if (!failures) return std::unexpected(failures.error());
  if (failures->count < max_failures_) return 0;
  return std::max<std::int64_t>(1, failures->first_at + window_ - now);
}

Status SharedThrottle::record_failure(const std::string& key, std::int64_t now) {
  auto recorded = store_.record_login_failure(auth::text_hash(key), now, window_);
  if (!recorded) return std::unexpected(recorded.error());
  return {};
}

Status SharedThrottle::clear(const std::string& key) {
  return store_.clear_login_failures(auth::text_hash(key));
}

}  // namespace bdp::web
