#include "web/daily_secret.h"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace bdp::web {

DailySecret::DailySecret(Store& store, std::function<std::string()> today)
    : store_(store), today_(std::move(today)) {}

Result<std::string> DailySecret::key(std::string_view purpose) {
  const std::string day = today_();
  std::string salt;
  {
    std::lock_guard lock(mutex_);
    if (day != day_) {
      auto fresh = store_.daily_salt(day);
      if (!fresh) return std::unexpected(fresh.error());
      day_ = day;
      salt_ = std::move(*fresh);
    }
    salt = salt_;
  }
  std::array<unsigned char, 32> key{};
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(purpose.data()),
                     purpose.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                     std::min<std::size_t>(salt.size(), crypto_generichash_KEYBYTES_MAX));
  return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

}  // namespace bdp::web
