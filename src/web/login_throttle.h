// LoginThrottle: at most `max_failures` events per key within a window, counted in this node's
// memory. The login uses it keyed by client address alone (so fresh e-mails are throttled too;
// the per-account count is shared by the nodes: web/shared_throttle.h), the API counts
// requests per address with it. In memory: a flood then costs the database nothing. Memory is
// bounded: over `max_keys` keys, expired ones are dropped, then the oldest half. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace bdp::web {

class LoginThrottle {
 public:
  explicit LoginThrottle(int max_failures = 5, std::int64_t window_seconds = std::int64_t{15} * 60,
                         std::size_t max_keys = 10000)
      : max_failures_(max_failures), window_(window_seconds), max_keys_(max_keys) {}

  // Seconds until `key` may try again at `now` (Unix seconds); 0 when it may try now.
  std::int64_t retry_after(const std::string& key, std::int64_t now);
  // Counts one failed attempt of `key` at `now`; the window starts at its first failure.
  void record_failure(const std::string& key, std::int64_t now);
  // Forgets `key` (after a successful login).
  void clear(const std::string& key);

 private:
  struct Failures {
    int count = 0;
    std::int64_t window_start = 0;
  };
  void forget_oldest_half();  // REQUIRES: mutex_ held
  int max_failures_;
  std::int64_t window_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace bdp::web
