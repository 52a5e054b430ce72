// field_count<T>(): the number of fields of an aggregate struct, counted by the compiler (how
// many initialisers T{...} takes), so a test can tell when a model struct gains a field that the
// open-data field list does not name yet. Compile-time; no runtime cost.
#pragma once

#include <cstddef>
#include <utility>

namespace bdp::opendata {
namespace detail {
// Converts to any field type, so T{AnyField, AnyField, …} compiles for as many as T has fields.
struct AnyField {
  template <class T>
  operator T&() const;  // NOLINT(google-explicit-constructor): only in unevaluated contexts
};
}  // namespace detail

// REQUIRES: T is an aggregate.
template <class T, class... Fields>
constexpr std::size_t field_count() {
  if constexpr (requires { T{std::declval<Fields>()..., std::declval<detail::AnyField>()}; }) {
    return field_count<T, Fields..., detail::AnyField>();
  } else {
    return sizeof...(Fields);
  }
}

}  // namespace bdp::opendata
