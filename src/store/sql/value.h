// Value: one statement parameter, the same for both engines: NULL, an integer, a real, text,
// bytes, or a list of ids (each connection encodes a list its own way, see Dialect::in_ids).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace bdp::sql {

struct Blob {
  std::string bytes;
};
struct IdList {
  std::vector<std::int64_t> ids;
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob, IdList>;

// Converts a C++ value to a parameter: integers (bool as 0/1, which PostgreSQL's boolean also
// takes), reals, strings, Blob, IdList, optionals of them (nullopt is NULL).
template <class T>
Value value(const T& v) {
  if constexpr (std::is_same_v<T, std::nullopt_t>) {
    return std::monostate{};
  } else if constexpr (requires {
                         v.has_value();
                         *v;
                       }) {
    if (!v) return std::monostate{};
    return value(*v);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<double>(v);
  } else if constexpr (std::is_same_v<T, Blob> || std::is_same_v<T, IdList>) {
    return v;
  } else {
    return std::string(std::string_view(v));
  }
}

}  // namespace bdp::sql
