#include "web/login_throttle.h"

#include <algorithm>
#include <iterator>
#include <vector>

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
    // Still full: an attack from many addresses. Forget the oldest half (forgetting everything
    // would reset the count of the attacker's newest keys too); memory stays bounded.
    if (failures_.size() >= max_keys_) forget_oldest_half();
  }
  auto& entry = failures_[key];
  if (entry.count == 0 || entry.window_start + window_ <= now) entry = Failures{0, now};
  ++entry.count;
}

void LoginThrottle::forget_oldest_half() {
  std::vector<std::int64_t> starts;
  starts.reserve(failures_.size());
  for (const auto& [key, f] : failures_) starts.push_back(f.window_start);
  const auto middle = starts.begin() + static_cast<std::ptrdiff_t>(starts.size() / 2);
  std::nth_element(starts.begin(), middle, starts.end());
  const std::int64_t cutoff = *middle;
  for (auto it = failures_.begin(); it != failures_.end();) {
    it = it->second.window_start < cutoff ? failures_.erase(it) : std::next(it);
  }
  // All started in the same second: nothing is older, drop any half.
  for (auto it = failures_.begin(); failures_.size() >= max_keys_ && it != failures_.end();) {
    it = failures_.erase(it);
  }
}

void LoginThrottle::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace bdp::web
