// The security headers of every answer (pipeline stage 7b, after the error boundary): a strict
// Content-Security-Policy (the templates have no inline script or style), nosniff, no framing,
// a Referrer-Policy and Permissions-Policy, and HSTS when the site is served over https.
// A handler that set its own Content-Security-Policy (an embeddable page) keeps it.
#pragma once

#include "http/message.h"

namespace bdp::web {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'";

// Adds the headers `response` does not have yet; `https`: the site's base_url is https.
// For a deferred response, to the response its work returns.
void add_security_headers(http::Response& response, bool https);

}  // namespace bdp::web
