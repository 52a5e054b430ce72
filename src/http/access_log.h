// The structured access log: one key=value line per request.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace bdp::http {

struct AccessLogEntry {
  std::string_view remote;  // peer address
  std::string_view method;  // "-" when the request line could not be parsed
  std::string_view path;    // decoded path, or the raw target when it did not decode
  int status = 0;
  std::size_t bytes = 0;         // body bytes sent (after compression; 0 for HEAD)
  std::int64_t duration_us = 0;  // from the first byte of the request to the response written
  std::string_view user_agent;
};

// Longest user-agent (in bytes, before escaping) written to the log; longer ones are cut.
inline constexpr std::size_t kMaxLoggedUserAgent = 200;
inline constexpr std::size_t kMaxLoggedPath = 1000;

// Appends `value` in double quotes, cut to `max_bytes`, with '"' and '\' backslash-escaped and
// every byte outside printable ASCII written as \xNN, so a client cannot forge log lines.
void append_log_quoted(std::string& out, std::string_view value, std::size_t max_bytes);

// `remote=… method=… path="…" status=… bytes=… duration_us=… ua="…"`. The time is added by
// the logger's pattern (see access_logger()). Pure; thread-safe.
std::string format_access_log(const AccessLogEntry& entry);

// The spdlog logger named "access" when the application registered one (it owns the sinks and
// pattern); otherwise creates and registers an asynchronous stdout logger with the pattern
// "time=<ISO 8601 local time> <line>", so logging never blocks a request on the terminal.
// Thread-safe.
std::shared_ptr<spdlog::logger> access_logger();

}  // namespace bdp::http
