// Router: maps (method, path) to a handler. The outcome is an explicit value: found (with the
// captured path parameters), not found, or method not allowed (with the allowed methods).
// Patterns are literal segments and "{name}" segments that capture one whole segment.
// Built once at start; match() is thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "http/message.h"

namespace bdp::web {

using Params = std::map<std::string, std::string>;

// The part of matching that does not depend on the handler type.
namespace detail {
std::vector<std::string> split_path(const std::string& path);
bool match_segments(const std::vector<std::string>& pattern,
                    const std::vector<std::string>& segments, Params& params);
const char* method_name(http::Method method);
}  // namespace detail

template <class Handler>
struct RouteFound {
  const Handler* handler;
  Params params;
};
struct RouteNotFound {};
struct RouteMethodNotAllowed {
  std::string allow;  // "GET, HEAD"
};
template <class Handler>
using RouteMatch = std::variant<RouteFound<Handler>, RouteNotFound, RouteMethodNotAllowed>;

template <class Handler>
class Router {
 public:
  // A GET route also answers HEAD.
  void add(http::Method method, const std::string& pattern, Handler handler) {
    routes_.push_back({method, pattern, detail::split_path(pattern), std::move(handler)});
  }

  // Every route's method and pattern, in the order added (for checks of the API document).
  std::vector<std::pair<http::Method, std::string>> patterns() const {
    std::vector<std::pair<http::Method, std::string>> out;
    out.reserve(routes_.size());
    for (const auto& route : routes_) out.emplace_back(route.method, route.pattern);
    return out;
  }

  RouteMatch<Handler> match(http::Method method, const std::string& path) const {
    if (path.empty() || path.front() != '/') return RouteNotFound{};
    const auto segments = detail::split_path(path);
    std::string allow;
    for (const auto& route : routes_) {
      Params params;
      if (!detail::match_segments(route.segments, segments, params)) continue;
      const bool method_ok = route.method == method ||
                             (route.method == http::Method::get && method == http::Method::head);
      if (method_ok) return RouteFound<Handler>{&route.handler, std::move(params)};
      if (!allow.empty()) allow += ", ";
      allow += detail::method_name(route.method);
      if (route.method == http::Method::get) allow += ", HEAD";
    }
    if (!allow.empty()) return RouteMethodNotAllowed{allow};
    return RouteNotFound{};
  }

 private:
  struct Route {
    http::Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace bdp::web
