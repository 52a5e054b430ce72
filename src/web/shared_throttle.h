// SharedThrottle: at most `max_failures` failed logins per key within a window, counted in the
// store, so every node behind the load balancer sees the same count (N nodes no longer allow
// N × max_failures guesses). Keys are hashed before they reach the store. Thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "store/store.h"

namespace bdp::web {

class SharedThrottle {
 public:
  SharedThrottle(Store& store, int max_failures, std::int64_t window_seconds)
      : store_(store), max_failures_(max_failures), window_(window_seconds) {}

  // Seconds until `key` may try again at `now`; 0 when it may try now.
  Result<std::int64_t> retry_after(const std::string& key, std::int64_t now);
  Status record_failure(const std::string& key, std::int64_t now);
  Status clear(const std::string& key);

 private:
  Store& store_;
  int max_failures_;
  std::int64_t window_;
};

}  // namespace bdp::web
