// Well-formed UTF-8 out of bytes that should be UTF-8 (extracted text, uploaded names).
// Internal to the extract module. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace bdp::extract {

// `bytes` with every ill-formed sequence (RFC 3629: overlong, surrogate, above U+10FFFF,
// truncated) replaced by U+FFFD; equal to `bytes` exactly when that is well-formed.
std::string repair_utf8(std::string_view bytes);

// The longest prefix of the well-formed `text` that has at most `max_bytes` bytes and does not
// cut a character.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace bdp::extract
