// UTF-8 validation of untrusted text (decoded paths and query strings).
#pragma once

#include <string_view>

namespace bdp::http {

// True when `text` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
// above U+10FFFF, no truncated sequences. Pure; thread-safe.
bool is_valid_utf8(std::string_view text);

}  // namespace bdp::http
