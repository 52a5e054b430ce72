// WorkPool: a fixed set of threads running submitted tasks in order, with a bounded queue, so
// slow work (Response::deferred) never runs on the request threads and never piles up without
// bound. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace bdp::http {

class WorkPool {
 public:
  // REQUIRES: threads >= 1.
  WorkPool(int threads, std::size_t max_waiting);
  // Runs the tasks already accepted, then joins the threads.
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `task`; false (task dropped, never run) when `max_waiting` tasks already wait.
  // A task must not throw.
  bool try_submit(std::function<void()> task);

 private:
  void run();
  std::size_t max_waiting_;
  std::mutex mutex_;  // guards the fields below
  std::condition_variable wake_;
  std::deque<std::function<void()>> waiting_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace bdp::http
