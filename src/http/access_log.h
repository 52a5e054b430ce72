// The structured access log: one key=value line per request, written in batches by a
// background thread so that a request never waits for the terminal or the disk.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

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

// Appends `remote=… method=… path="…" status=… bytes=… duration_us=… ua="…"` (no newline).
// Pure; thread-safe.
void append_access_log(std::string& out, const AccessLogEntry& entry);
std::string format_access_log(const AccessLogEntry& entry);

// AccessLogWriter: the lines of every server thread, each "time=<ISO 8601 local time with
// milliseconds and offset> <entry>\n", appended to one buffer under a short lock; a background
// thread writes the buffer with one write(2) when kFlushBytes are pending or kFlushInterval
// has passed (so a line is readable in the log within about 50 ms: scripts/deploy-test.sh
// reads it 0.2 s after its request). A stuck descriptor never blocks requests: beyond
// kMaxPendingBytes lines are dropped, and a line "access_log_dropped=N" says so once writing
// resumes. The destructor writes what is pending. Thread-safe.
class AccessLogWriter {
 public:
  static constexpr std::size_t kFlushBytes = std::size_t{64} * 1024;
  static constexpr std::size_t kMaxPendingBytes = std::size_t{8} * 1024 * 1024;
  static constexpr auto kFlushInterval = std::chrono::milliseconds(50);

  // `fd` is borrowed (stdout by default in the server) and must stay open while the writer lives.
  explicit AccessLogWriter(int fd);
  ~AccessLogWriter();
  AccessLogWriter(const AccessLogWriter&) = delete;
  AccessLogWriter& operator=(const AccessLogWriter&) = delete;

  void append(const AccessLogEntry& entry);

 private:
  void run();
  void write_all(const std::string& bytes);
  int fd_;
  std::mutex mutex_;  // guards the fields below
  std::condition_variable wake_;
  std::string pending_;
  std::size_t dropped_ = 0;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the fields above exist
};

}  // namespace bdp::http
