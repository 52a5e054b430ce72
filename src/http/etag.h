// Entity tags (RFC 9110 §8.8.3) and the If-None-Match precondition. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace bdp::http {

// True when an If-None-Match value matches `etag` by weak comparison: "*", or a listed tag whose
// opaque part equals that of `etag` (W/ prefixes ignored on both sides). A malformed list
// matches only through the tags before the malformed part. An empty `etag` never matches.
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// `etag` as a weak validator: W/"x" for "x"; an already weak tag is returned unchanged. Used when
// the server changes the bytes (gzip), so the handler's strong tag no longer names them.
std::string weak_etag(std::string_view etag);

}  // namespace bdp::http
