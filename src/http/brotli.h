// Brotli compression (RFC 7932 via Debian's libbrotlienc) of response bodies.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::http {

// Qualities (0–11): bodies compressed once and served many times (static files, read at start)
// take the smallest; bodies compressed again and again (a cached page once per visitor count,
// responses compressed per request) take one that costs about as much time as gzip level 6.
inline constexpr int kBrotliOnceQuality = 11;
inline constexpr int kBrotliOftenQuality = 5;

// `data` compressed as one Brotli stream at `quality` (clamped to 0–11; the text mode, a 4 MiB
// window). Fails with invalid_input when the bound of the output does not fit in memory, with
// internal when the encoder fails (it cannot allocate). Thread-safe.
Result<std::string> brotli_compress(std::string_view data, int quality);

}  // namespace bdp::http
