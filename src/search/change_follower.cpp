#include "search/change_follower.h"

#include <spdlog/spdlog.h>

namespace bdp::search {

ChangeFollower::ChangeFollower(SearchIndex& index, Store& store, std::chrono::milliseconds interval)
    : index_(index),
      store_(store),
      interval_(interval),
      thread_([this](std::stop_token stop) { loop(stop); }) {}

ChangeFollower::~ChangeFollower() {
  thread_.request_stop();
  wake_.notify_all();
}

void ChangeFollower::loop(std::stop_token stop) {
  bool failing = false;  // log a failure once, not on every tick
  while (!stop.stop_requested()) {
    auto applied = index_.apply_changes(store_);
    if (!applied && !failing) {
      spdlog::error("search index: following the change log failed: {}", applied.error().message);
    } else if (applied && failing) {
      spdlog::info("search index: following the change log again");
    }
    failing = !applied;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [] { return false; });
  }
}

}  // namespace bdp::search
