// ChangeFollower: keeps a SearchIndex in step with the Store by calling apply_changes on a
// background thread every `interval` (default 250 ms, so a write shows in search within a
// second). Failures are logged and retried on the next tick; they never stop the thread.
// The index and the store must outlive the follower; the destructor stops and joins the thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "search/search_index.h"
#include "store/store.h"

namespace bdp::search {

class ChangeFollower {
 public:
  ChangeFollower(SearchIndex& index, Store& store,
                 std::chrono::milliseconds interval = std::chrono::milliseconds(250));
  ~ChangeFollower();
  ChangeFollower(const ChangeFollower&) = delete;
  ChangeFollower& operator=(const ChangeFollower&) = delete;

 private:
  void loop(std::stop_token stop);

  SearchIndex& index_;
  Store& store_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts after the members it uses exist
};

}  // namespace bdp::search
