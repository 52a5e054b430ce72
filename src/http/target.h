// Request-target parsing: percent-decoding of the path and of the query string.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::http {

enum class DecodeMode {
  path,   // '+' stays '+'
  query,  // '+' is a space (application/x-www-form-urlencoded)
};

// Appends the percent-decoded `text` to `out`. Fails with invalid_input on a '%' not followed by
// two hex digits (`out` then holds a partial result). Does not check UTF-8. Thread-safe.
Status percent_decode(std::string_view text, DecodeMode mode, std::string& out);

// Parses "a=1&b=x+y&c" into `out` (appended): {a:1, b:"x y", c:""}; empty pieces are skipped.
// Fails with invalid_input on a bad percent-escape or a key/value that is not valid UTF-8.
Status parse_query(std::string_view query, std::multimap<std::string, std::string>& out);

// Parses an origin-form target "/path?query" (or an absolute-form "http://host/path?query", whose
// scheme and authority are dropped) into the decoded `path` and `query` (both cleared first,
// capacity kept). Fails with invalid_input when the target does not start with '/', on a
// bad escape, on a decoded path or query that is not valid UTF-8, or on a NUL in the path.
Status parse_target(std::string_view target, std::string& path,
                    std::multimap<std::string, std::string>& query);

}  // namespace bdp::http
