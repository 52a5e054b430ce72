// ConnectionLimits: counts open connections, in total and per client address, so one client
// cannot hold every descriptor. Thread-safe (shared by every worker thread).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bdp::http {

class ConnectionLimits {
 public:
  // Addresses in `unlimited` (trusted proxies) count towards the total only.
  ConnectionLimits(std::size_t max_total, std::size_t max_per_address,
                   const std::vector<std::string>& unlimited);

  // Counts a new connection from `address`; false (nothing counted) when a cap is reached.
  bool admit(const std::string& address);
  // Uncounts a connection admit() counted.
  void release(const std::string& address);
  std::size_t max_total() const { return max_total_; }

 private:
  std::size_t max_total_;
  std::size_t max_per_address_;
  std::unordered_set<std::string> unlimited_;
  std::mutex mutex_;  // guards the fields below
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
};

}  // namespace bdp::http
