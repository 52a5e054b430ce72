// Percent-encoding of a URL component (RFC 3986 unreserved characters stay as they are).
// Decoding of incoming requests lives with the HTTP parser (http/target.h).
#pragma once

#include <string>
#include <string_view>

namespace bdp {

std::string percent_encode(std::string_view text);

}  // namespace bdp

namespace bdp {

// `target` as a Location for a redirect that must stay on this site: a path starting with one
// "/" (never "//host", "/\\host", nor one that becomes so once a browser drops the tabs, CR
// and LF it ignores), with no control characters, and bytes outside ASCII percent-encoded;
// "/" for anything else. Keeps the query and any percent-escapes as they are.
std::string local_redirect_target(std::string_view target);

// `url` when it is safe as a link target (http:, https:, mailto:, or a relative path without
// a scheme); otherwise "" — so "javascript:" and "data:" links never reach a page.
std::string safe_href(std::string_view url);

}  // namespace bdp
