// gzip compression (RFC 1952 via zlib) of response bodies.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace bdp::http {

// `data` compressed as one gzip member (zlib level 6). Fails with internal when zlib cannot
// allocate its state, with invalid_input above 2 GiB. Thread-safe: each thread reuses its own zlib
// stream (about 256 KiB, kept for the thread's lifetime) instead of allocating one per call.
Result<std::string> gzip_compress(std::string_view data);

}  // namespace bdp::http
