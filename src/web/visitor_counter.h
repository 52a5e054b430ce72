// VisitorCounter: unique visitors per day, as on the old portal ("N gości odwiedziło nas od …").
// A visitor is a keyed hash of (daily secret salt, IP address, User-Agent): no raw IP and no
// cookie is stored, and yesterday's hashes cannot be linked to today's. It counts people, not
// requests: known bots are not counted, nor more than `new_visitors_per_address` new visitors
// from one address a day (a client varying its User-Agent is still one address). New visitors
// are written in batches by flush() (from the change follower's tick, or when `max_pending`
// wait), so a flood never becomes a database write per request; the store counts each
// (day, hash) exactly once, across threads and nodes. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/store.h"

namespace bdp::web {

struct VisitorRules {
  int new_visitors_per_address = 3;    // per day
  std::size_t max_pending = 256;       // new visitors held before a write is forced
  std::size_t max_addresses = 100000;  // addresses remembered per day; beyond: not counted
};

class VisitorCounter {
 public:
  // `today` returns the local date as "YYYY-MM-DD" (a seam for tests).
  // REQUIRES: `store` outlives the counter.
  VisitorCounter(Store& store, std::function<std::string()> today, VisitorRules rules = {});
  // Writes what is pending (a graceful stop loses no visitor).
  ~VisitorCounter();
  VisitorCounter(const VisitorCounter&) = delete;
  VisitorCounter& operator=(const VisitorCounter&) = delete;

  // Counts the visitor if new today and allowed by the rules; returns the total to show (the
  // recorded total plus the visitors not yet written). When the store is unavailable the visit
  // is not counted (logged) and the last known total is returned.
  std::int64_t visit(const std::string& address, std::string_view user_agent);
  // The total to show now.
  std::int64_t total() const { return total_.load() + pending_count_.load(); }
  // Writes the pending visitors (one transaction per day), then reads the total (other nodes
  // count too). Visitors whose write failed are kept for the next flush.
  void flush();

  // True for a User-Agent of a crawler, a monitor or a command-line client (or none at all).
  static bool is_bot(std::string_view user_agent);
  static std::string local_date_today();

 private:
  // Today's salt, switching the day's state when the day changed; false when the store fails.
  bool start_day(const std::string& day);
  Store& store_;
  std::function<std::string()> today_;
  VisitorRules rules_;
  std::mutex mutex_;  // guards the fields below
  std::string day_;
  std::string salt_;
  std::unordered_set<std::string> seen_;
  std::unordered_map<std::string, int> new_per_address_;
  std::map<std::string, std::vector<std::string>> pending_;  // day → hashes not yet written
  std::mutex flush_mutex_;  // one flush at a time: the total read last is the newest
  std::atomic<std::int64_t> total_{0};
  std::atomic<std::int64_t> pending_count_{0};
};

}  // namespace bdp::web
