// Content-coding negotiation: which responses are worth compressing, and whether the client
// accepts gzip. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace bdp::http {

// True when the client's Accept-Encoding value accepts gzip: "gzip" (or "x-gzip") listed with
// q > 0, or absent but "*" listed with q > 0. "gzip;q=0" refuses it. An empty value refuses it.
bool accepts_gzip(std::string_view accept_encoding);

// True for media types that compress well: text/*, application/json, application/javascript,
// image/svg+xml (parameters such as "; charset=utf-8" are ignored; case-insensitive).
bool is_compressible(std::string_view content_type);

}  // namespace bdp::http
