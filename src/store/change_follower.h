// ChangeFollower: a background thread that watches the store's change log and calls
// `on_change(from_seq, to_seq)` when it has moved, so derived data (page caches, the search
// index, other nodes' copies) follows every write within one polling interval. `on_tick` runs
// on every poll (e.g. to refresh counters that other nodes update). Stops in the destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "store/store.h"

namespace bdp {

class ChangeFollower {
 public:
  using OnChange = std::function<void(std::int64_t from_seq, std::int64_t to_seq)>;
  // Starts following from `start_seq` (changes after it are reported).
  ChangeFollower(Store& store, std::int64_t start_seq, std::chrono::milliseconds interval,
                 OnChange on_change, std::function<void()> on_tick = {});
  ~ChangeFollower();
  ChangeFollower(const ChangeFollower&) = delete;
  ChangeFollower& operator=(const ChangeFollower&) = delete;

 private:
  void run();
  Store& store_;
  std::int64_t seq_;
  std::chrono::milliseconds interval_;
  OnChange on_change_;
  std::function<void()> on_tick_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace bdp
