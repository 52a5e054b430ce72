#include "web/security_headers.h"

namespace bdp::web {
namespace {

void add_if_absent(http::Response& response, const char* name, const char* value) {
  if (!response.header(name)) response.headers.emplace_back(name, value);
}

}  // namespace

std::string content_security_policy(const std::string& tile_url) {
  std::string policy = kContentSecurityPolicy;
  const auto scheme_end = tile_url.find("://");
  const bool web = tile_url.starts_with("https://") || tile_url.starts_with("http://");
  if (!web) return policy;
  const auto host_end = tile_url.find_first_of("/?#", scheme_end + 3);
  const std::string origin = tile_url.substr(0, host_end);
  // An origin is scheme://host[:port]; anything else (a quote, a space) could extend the policy.
  if (origin.find_first_of(" ;,'\"") != std::string::npos) return policy;
  return policy + "; img-src 'self' " + origin;
}

void add_security_headers(http::Response& response, const std::string& policy, bool https) {
  if (response.deferred) {
    response.deferred = [work = std::move(response.deferred), policy, https] {
      http::Response done = work();
      add_security_headers(done, policy, https);
      return done;
    };
    return;
  }
  const bool own_policy = response.header("content-security-policy").has_value();
  if (!own_policy) response.headers.emplace_back("content-security-policy", policy);
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
