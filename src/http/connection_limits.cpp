#include "http/connection_limits.h"

namespace bdp::http {

ConnectionLimits::ConnectionLimits(std::size_t max_total, std::size_t max_per_address,
                                   const std::vector<std::string>& unlimited)
    : max_total_(max_total),
      max_per_address_(max_per_address),
      unlimited_(unlimited.begin(), unlimited.end()) {}

bool ConnectionLimits::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (total_ >= max_total_) return false;
  if (!unlimited_.contains(address)) {
    auto& count = per_address_[address];
    if (count >= max_per_address_) return false;
    ++count;
  }
  ++total_;
  return true;
}

void ConnectionLimits::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --total_;
  if (auto it = per_address_.find(address); it != per_address_.end() && --it->second == 0) {
    per_address_.erase(it);
  }
}

}  // namespace bdp::http
