// Percent-encoding of a URL component (RFC 3986 unreserved characters stay as they are).
// Decoding of incoming requests lives with the HTTP parser (http/target.h).
#pragma once

#include <string>
#include <string_view>

namespace bdp {

std::string percent_encode(std::string_view text);

}  // namespace bdp

namespace bdp {

// `url` when it is safe as a link target (http:, https:, mailto:, or a relative path without
// a scheme); otherwise "" — so "javascript:" and "data:" links never reach a page.
std::string safe_href(std::string_view url);

}  // namespace bdp
