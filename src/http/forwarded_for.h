// The client address of a request that may have come through a reverse proxy (nginx): the peer
// is believed about the client only when it is one of the configured trusted proxies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace bdp::http {

// Returns the last X-Forwarded-For hop (the address the trusted proxy itself saw; earlier hops
// are the client's own claims and can be forged) when `peer` is one of `trusted_proxies` (exact
// IP addresses) and that hop is a valid IPv4/IPv6 address; otherwise `peer`. Several
// X-Forwarded-For fields count as one list in their order. Pure; thread-safe.
std::string client_address(std::string_view peer, const Headers& headers,
                           const std::vector<std::string>& trusted_proxies);

// True when `text` is a literal IPv4 or IPv6 address (no port, no brackets).
bool is_ip_address(std::string_view text);

}  // namespace bdp::http
