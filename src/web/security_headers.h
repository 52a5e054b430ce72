// The security headers of every answer (pipeline stage 7b, after the error boundary): a strict
// Content-Security-Policy (the templates have no inline script or style), nosniff, no framing,
// a Referrer-Policy and Permissions-Policy, and HSTS when the site is served over https.
// A handler that set its own Content-Security-Policy (an embeddable page) keeps it.
#pragma once

#include <string>

#include "http/message.h"

namespace bdp::web {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'";

// The policy of this site: kContentSecurityPolicy, plus images from the origin of the map's tile
// layer when one is configured (`tile_url`, "" for none; an address without an http(s) origin
// adds nothing).
std::string content_security_policy(const std::string& tile_url);

// Adds the headers `response` does not have yet; `policy` from content_security_policy(),
// `https`: the site's base_url is https. For a deferred response, to the response its work
// returns.
void add_security_headers(http::Response& response, const std::string& policy, bool https);

}  // namespace bdp::web
