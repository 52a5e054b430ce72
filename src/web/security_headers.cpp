#include "web/security_headers.h"

namespace bdp::web {
namespace {

void add_if_absent(http::Response& response, const char* name, const char* value) {
  if (!response.header(name)) response.headers.emplace_back(name, value);
}

}  // namespace

void add_security_headers(http::Response& response, bool https) {
  if (response.deferred) {
    response.deferred = [work = std::move(response.deferred), https] {
      http::Response done = work();
      add_security_headers(done, https);
      return done;
    };
    return;
  }
  const bool own_policy = response.header("content-security-policy").has_value();
  add_if_absent(response, "content-security-policy", kContentSecurityPolicy);
  // For browsers without CSP level 2; a page with its own policy decides its framing there.
  if (!own_policy) add_if_absent(response, "x-frame-options", "DENY");
  add_if_absent(response, "x-content-type-options", "nosniff");
  add_if_absent(response, "referrer-policy", "strict-origin-when-cross-origin");
  add_if_absent(response, "permissions-policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  add_if_absent(response, "cross-origin-opener-policy", "same-origin");
  if (https) add_if_absent(response, "strict-transport-security", "max-age=31536000");
}

}  // namespace bdp::web
