#include "web/visitor_counter.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <ctime>

#include "http/ascii.h"

namespace bdp::web {
namespace {

// Lower-case fragments of the User-Agents of crawlers, link checkers, monitors and HTTP
// libraries: none of them is a person reading the catalogue.
constexpr std::array<std::string_view, 22> kBotMarks = {
    "bot",        "crawl",      "spider",     "slurp",      "curl/",       "wget/",
    "python-",    "python/",    "go-http",    "java/",      "libwww",      "httpclient",
    "okhttp",     "axios/",     "node-fetch", "scrapy",     "externalhit", "monitor",
    "check_http", "lighthouse", "pingdom",    "apachebench"};

std::string visitor_hash(const std::string& salt, const std::string& address,
                         std::string_view user_agent) {
  crypto_generichash_state state;
  unsigned char hash[16];
  crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(salt.data()),
                          std::min<std::size_t>(salt.size(), crypto_generichash_KEYBYTES_MAX),
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
  return hex;
}

}  // namespace

VisitorCounter::VisitorCounter(Store& store, std::function<std::string()> today, VisitorRules rules)
    : store_(store), today_(std::move(today)), rules_(rules) {
  flush();
}

VisitorCounter::~VisitorCounter() {
  flush();
}

std::string VisitorCounter::local_date_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

bool VisitorCounter::is_bot(std::string_view user_agent) {
  if (user_agent.empty()) return true;
  std::string lower;
  http::append_lower_ascii(lower, user_agent);
  return std::ranges::any_of(kBotMarks,
                             [&](std::string_view mark) { return lower.contains(mark); });
}

bool VisitorCounter::start_day(const std::string& day) {
  if (day == day_) return true;
  auto salt = store_.daily_salt(day);
  if (!salt) {
    spdlog::warn("visitor counter: no salt for {}: {}", day, salt.error().message);
    return false;
  }
  // Who was counted today before this node started (a returning visitor is not shown as new).
  auto known = store_.visitors_on(day);
  if (!known) {
    spdlog::warn("visitor counter: cannot read {}'s visitors: {}", day, known.error().message);
    return false;
  }
  day_ = day;
  salt_ = std::move(*salt);
  seen_.clear();
  seen_.insert(known->begin(), known->end());
  new_per_address_.clear();
  return true;
}

std::int64_t VisitorCounter::visit(const std::string& address, std::string_view user_agent) {
  if (is_bot(user_agent)) return total();
  const std::string day = today_();
  bool flush_now = false;
  {
    std::lock_guard lock(mutex_);
    if (!start_day(day)) return total();
    std::string visitor = visitor_hash(salt_, address, user_agent);
    if (seen_.contains(visitor)) return total();
    auto known = new_per_address_.find(address);
    if (known == new_per_address_.end()) {
      if (new_per_address_.size() >= rules_.max_addresses) return total();
      known = new_per_address_.emplace(address, 0).first;
    }
    if (known->second >= rules_.new_visitors_per_address) return total();
    ++known->second;
    seen_.insert(visitor);
    pending_[day].push_back(std::move(visitor));
    flush_now = static_cast<std::size_t>(++pending_count_) >= rules_.max_pending;
  }
  if (flush_now) flush();
  return total();
}

void VisitorCounter::flush() {
  std::lock_guard flushing(flush_mutex_);
  std::map<std::string, std::vector<std::string>> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  for (auto& [day, hashes] : batch) {
    auto totals = store_.record_visits(day, hashes);
    if (totals) {
      total_.store(totals->total);
      pending_count_ -= static_cast<std::int64_t>(hashes.size());
      hashes.clear();
    } else {
      spdlog::warn("visitor counter: {} visits not recorded yet: {}", hashes.size(),
                   totals.error().message);
    }
  }
  {
    std::lock_guard lock(mutex_);
    for (auto& [day, hashes] : batch) {
      auto& kept = pending_[day];
      kept.insert(kept.end(), hashes.begin(), hashes.end());
      if (kept.empty()) pending_.erase(day);
    }
  }
  if (auto totals = store_.visitor_totals()) {
    total_.store(totals->total);
  } else {
    spdlog::warn("visitor counter: cannot read totals: {}", totals.error().message);
  }
}

}  // namespace bdp::web
