#include "web/visitor_counter.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

namespace bdp::web {

VisitorCounter::VisitorCounter(Store& store, std::function<std::string()> today)
    : store_(store), today_(std::move(today)) {
  refresh();
}

std::string VisitorCounter::local_date_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

void VisitorCounter::refresh() {
  if (auto totals = store_.visitor_totals()) {
    total_.store(totals->total);
  } else {
    spdlog::warn("visitor counter: cannot read totals: {}", totals.error().message);
  }
}

void VisitorCounter::raise_total(std::int64_t total) {
  // Concurrent visits finish in any order: keep the largest total seen.
  auto known = total_.load();
  while (known < total && !total_.compare_exchange_weak(known, total)) {
  }
}

std::int64_t VisitorCounter::visit(const std::string& address, std::string_view user_agent) {
  const std::string day = today_();
  std::unique_lock lock(mutex_);
  if (day != day_) {
    auto salt = store_.daily_salt(day);
    if (!salt) {
      spdlog::warn("visitor counter: no salt for {}: {}", day, salt.error().message);
      return total_.load();
    }
    day_ = day;
    salt_ = std::move(*salt);
    seen_.clear();
  }
  crypto_generichash_state state;
  unsigned char hash[16];
  crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(salt_.data()),
                          std::min<std::size_t>(salt_.size(), crypto_generichash_KEYBYTES_MAX),
                          sizeof hash);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(address.data()),
                            address.size());
  const unsigned char separator = 0;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(user_agent.data()),
                            user_agent.size());
  crypto_generichash_final(&state, hash, sizeof hash);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  std::string visitor(hex);
  if (seen_.contains(visitor)) return total_.load();
  lock.unlock();  // the database write happens outside the lock; the store dedupes
  auto totals = store_.record_visit(day, visitor);
  if (!totals) {
    spdlog::warn("visitor counter: visit not recorded: {}", totals.error().message);
    return total_.load();
  }
  raise_total(totals->total);
  lock.lock();
  if (day_ == day) seen_.insert(std::move(visitor));
  return totals->total;
}

}  // namespace bdp::web
