// The practices a visitor compares: at most three ids in the order chosen, remembered in the
// "porownanie" cookie ("12.40.7") and named by the shareable address /porownaj?p=12&p=40&p=7.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bdp::web {

inline constexpr std::size_t kMaxCompared = 3;
inline constexpr const char* kComparisonCookie = "porownanie";

using Compared = std::vector<std::int64_t>;

// The ids of a cookie value: a part that is not a positive id is dropped, a repeated id kept
// once, and only the first kMaxCompared kept (a cookie is the visitor's to edit).
Compared compared_in_cookie(std::string_view value);
// The ids of the address's p values, as the cookie's; nullopt when one is not a positive id
// or there are more than kMaxCompared (the address is wrong, not the visitor's choice).
std::optional<Compared> compared_in_query(const std::vector<std::string>& values);

std::string cookie_value(const Compared& ids);     // "12.40.7"
std::string comparison_path(const Compared& ids);  // "/porownaj?p=12&p=40&p=7", "/porownaj"

// Adds `id` at the end: false, unchanged, when kMaxCompared others are already chosen.
bool add_compared(Compared& ids, std::int64_t id);

}  // namespace bdp::web
