// What a route is and what its handler gets: the kind a route declares (which pipeline stages
// apply to it) and the per-request facts the pipeline has gathered before the handler runs.
#pragma once

#include <cstdint>
#include <functional>

#include "http/content_coding.h"
#include "http/message.h"
#include "i18n/i18n.h"
#include "web/router.h"
#include "web/visitor_counter.h"

namespace bdp::web {

// page: HTML for people (cached, counted, errors as the HTML page); api: JSON under /api/
// (errors as problem details); asset: /static/ files; health: the load balancer's probe.
enum class RouteKind { page, api, asset, health };

// One request as the handlers see it. Built by the pipeline (pipeline.cpp); lives for one call.
class Visit {
 public:
  Visit(const http::Request& request, RouteKind kind, i18n::Lang lang,
        http::AcceptedCodings accepted, VisitorCounter& counter)
      : request(request), kind(kind), lang(lang), accepted(accepted), counter_(counter) {}
  // The same visit over `copy` (its request copied into work deferred off the request thread;
  // the visitor is never counted twice since the copy starts uncounted only if this was).
  Visit over(const http::Request& copy) const {
    Visit v(copy, kind, lang, accepted, counter_);
    v.counted_ = counted_;
    return v;
  }

  const http::Request& request;
  const RouteKind kind;
  const i18n::Lang lang;
  const http::AcceptedCodings accepted;  // the client's Accept-Encoding

  // The visitor stage of the pipeline, run where a page's status is known (when the counter is
  // spliced into it): counts the visitor once when this is a GET or HEAD of a page route
  // answered `status` 200 (visitor_counter.h has the other rules), and returns the total.
  std::int64_t visitor_total(int status) const;

 private:
  VisitorCounter& counter_;
  mutable bool counted_ = false;
};

using Handler = std::function<http::Response(const Visit&, const Params&)>;
struct Route {
  RouteKind kind = RouteKind::page;
  Handler handler;
};
using Routes = Router<Route>;

}  // namespace bdp::web
