// Limits: every bound the portal puts on what a client may make it hold or do, in one table
// (the "limits" object of the config file, docs/limits.md). Defaults are safe for a public site
// behind nginx; beyond each limit the client gets a 4xx or 503 and a line is logged.
#pragma once

#include <cstddef>
#include <cstdint>

#include "http/server.h"

namespace bdp::web {

struct Limits {
  std::size_t header_bytes = 16 << 10;            // request line + headers → 431
  std::size_t body_bytes = 1 << 20;               // any request body → 413
  std::size_t form_bytes = 8 << 10;               // the login and logout forms → 413
  std::size_t desk_form_bytes = 64 << 10;         // a back-office form (comments, reasons) → 413
  std::size_t submission_form_bytes = 256 << 10;  // a step of the public submission → 413
  std::size_t chunk_framing_bytes = 4 << 10;      // chunk-size line, trailer section → 431
  std::size_t connections = 10000;            // open connections (fitted to descriptors) → 503
  std::size_t connections_per_address = 256;  // from one address (not trusted proxies) → 503
  int idle_seconds = 60;                      // keep-alive connection without a request
  int request_seconds = 15;                   // for a whole request to arrive
  int password_check_threads = 2;             // Argon2id checks at once (64 MiB each)
  std::size_t password_check_queue = 16;      // checks waiting → 503 + Retry-After
  int login_failures_per_email = 5;           // per address and e-mail, in the window → 429
  int login_failures_per_address = 20;        // per address, whatever the e-mail → 429
  std::int64_t login_window_seconds = 900;
  int new_visitors_per_address = 3;   // counted per address a day (visitor_counter.h)
  int api_requests_per_minute = 600;  // to /api/v1/ per client address, on one node → 429
  int submissions_per_hour = 5;       // practices sent per client address, on one node → 429
  int submission_min_seconds = 5;     // from the form's first step to sending it → 400
  // A back-office upload (/redakcja/dokumenty): written to disk as it arrives, never held in
  // memory; its own size limit and time to arrive.
  std::uint64_t upload_bytes = 50ull << 20;  // → 413
  int upload_seconds = 600;
};

// The path under which POSTs are uploads (spooled to disk: http/spool.h).
inline constexpr const char* kUploadPrefix = "/redakcja/dokumenty";

// Copies the transport limits into the server's options (the upload rule but its directory).
void apply_limits(const Limits& limits, http::ServerOptions& options);

}  // namespace bdp::web
