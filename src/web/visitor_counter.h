// VisitorCounter: unique visitors per day, as on the old portal ("N gości odwiedziło nas od …").
// A visitor is a keyed hash of (daily secret salt, IP address, User-Agent): no raw IP and no
// cookie is stored, and yesterday's hashes cannot be linked to today's. The store counts each
// (day, hash) exactly once, across threads and nodes; this class remembers today's hashes so a
// returning visitor costs no database write. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_set>

#include "store/store.h"

namespace bdp::web {

class VisitorCounter {
 public:
  // `today` returns the local date as "YYYY-MM-DD" (a seam for tests).
  VisitorCounter(Store& store, std::function<std::string()> today);

  // Counts the visitor if new today; returns the current total. When the store is unavailable
  // the visit is not counted (logged) and the last known total is returned.
  std::int64_t visit(const std::string& address, std::string_view user_agent);
  // The last known total (refresh() reads other nodes' visits).
  std::int64_t total() const { return total_.load(); }
  void refresh();

  static std::string local_date_today();

 private:
  void raise_total(std::int64_t total);
  Store& store_;
  std::function<std::string()> today_;
  std::mutex mutex_;  // guards the fields below
  std::string day_;
  std::string salt_;
  std::unordered_set<std::string> seen_;
  std::atomic<std::int64_t> total_{0};
};

}  // namespace bdp::web
