// ApiGate: what every route under /api/v1/ goes through — a rate limit per client address
// (429 with Retry-After beyond `limits.api_requests_per_minute`, counted per node) and CORS for
// GET: any origin may read every answer, errors included, and an OPTIONS preflight allows
// If-None-Match. Thread-safe.
#pragma once

#include <string>

#include "web/login_throttle.h"
#include "web/route.h"

namespace bdp::web {

class Site;

class ApiGate {
 public:
  explicit ApiGate(int requests_per_minute) : throttle_(requests_per_minute, 60, 100000) {}
  // GET `path` answered by `handler` behind the gate, and its preflight (OPTIONS `path`).
  // `site` answers the 429; it and this must outlive the routes.
  void add(Routes& routes, Site& site, const std::string& path, Handler handler);

 private:
  LoginThrottle throttle_;  // counts requests, not failures: the same fixed window
};

}  // namespace bdp::web
