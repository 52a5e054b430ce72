#include "web/login_throttle.h"

#include <iterator>

namespace bdp::web {

std::int64_t LoginThrottle::retry_after(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end() || it->second.count < max_failures_) return 0;
  const std::int64_t wait = it->second.window_start + window_ - now;
  if (wait > 0) return wait;
  failures_.erase(it);
  return 0;
}

void LoginThrottle::record_failure(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() >= max_keys_ && !failures_.contains(key)) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      it = it->second.window_start + window_ <= now ? failures_.erase(it) : std::next(it);
    }
    // Still full: an attack from many addresses. Forgetting is safer than growing unbounded.
    if (failures_.size() >= max_keys_) failures_.clear();
  }
  auto& entry = failures_[key];
  if (entry.count == 0 || entry.window_start + window_ <= now) entry = Failures{0, now};
  ++entry.count;
}

void LoginThrottle::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace bdp::web
