// DailySecret: keys derived from today's random secret, which every node reads from the store
// (Store::daily_salt), kept in memory for the day; a key per purpose, so one use's key never
// serves another. A key lives one day: what it signed stops verifying the next day.
// Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "store/store.h"

namespace bdp::web {

class DailySecret {
 public:
  // `today` returns the local date as "YYYY-MM-DD" (a seam for tests).
  DailySecret(Store& store, std::function<std::string()> today);

  // Today's 32-byte key for `purpose`; the store's error when it cannot give today's secret.
  Result<std::string> key(std::string_view purpose);

 private:
  Store& store_;
  std::function<std::string()> today_;
  std::mutex mutex_;  // guards the fields below
  std::string day_;
  std::string salt_;
};

}  // namespace bdp::web
