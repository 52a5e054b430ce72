#include "store/change_follower.h"

#include <spdlog/spdlog.h>

namespace bdp {

ChangeFollower::ChangeFollower(Store& store, std::int64_t start_seq,
                               std::chrono::milliseconds interval, OnChange on_change,
                               std::function<void()> on_tick)
    : store_(store),
      seq_(start_seq),
      interval_(interval),
      on_change_(std::move(on_change)),
      on_tick_(std::move(on_tick)),
      thread_([this] { run(); }) {}

ChangeFollower::~ChangeFollower() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ChangeFollower::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    if (auto last = store_.last_change_seq(); !last) {
      spdlog::warn("change follower: {}", last.error().message);
    } else if (*last != seq_) {
      const auto from = seq_;
      seq_ = *last;
      on_change_(from, *last);
    }
    if (on_tick_) on_tick_();
    lock.lock();
  }
}

}  // namespace bdp
