#include "http/access_log.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <ctime>

namespace bdp::http {
namespace {

void append_number(std::string& out, std::int64_t n) {
  const fmt::format_int digits(n);
  out.append(digits.data(), digits.size());
}

// "time=2026-12-01T10:15:42.123+0100 ": the calendar part is formatted once per second per
// thread (localtime_r is the costly part), the milliseconds every time.
void append_time(std::string& out) {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto seconds = system_clock::to_time_t(now);
  const int millis =
      static_cast<int>(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000);
  thread_local std::time_t cached_second = -1;
  thread_local char date[32], zone[8];
  if (seconds != cached_second) {
    std::tm local{};
    localtime_r(&seconds, &local);
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &local);
    std::strftime(zone, sizeof zone, "%z", &local);
    cached_second = seconds;
  }
  const char ms[3] = {static_cast<char>('0' + millis / 100),
                      static_cast<char>('0' + millis / 10 % 10),
                      static_cast<char>('0' + millis % 10)};
  out.append("time=").append(date).append(1, '.').append(ms, 3).append(zone).append(1, ' ');
}

bool needs_escape(unsigned char c) {
  return c == '"' || c == '\\' || c < 0x20 || c > 0x7E;
}

}  // namespace

void append_log_quoted(std::string& out, std::string_view value, std::size_t max_bytes) {
  const bool cut = value.size() > max_bytes;
  if (cut) value = value.substr(0, max_bytes);
  out.push_back('"');
  // Runs of plain bytes are copied at once: paths and user agents are mostly plain ASCII.
  while (!value.empty()) {
    std::size_t plain = 0;
    while (plain < value.size() && !needs_escape(static_cast<unsigned char>(value[plain]))) ++plain;
    out.append(value.data(), plain);
    value.remove_prefix(plain);
    if (value.empty()) break;
    const char ch = value.front();
    value.remove_prefix(1);
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else {
      fmt::format_to(std::back_inserter(out), "\\x{:02X}", c);
    }
  }
  if (cut) out.append("...");
  out.push_back('"');
}

// Appended piece by piece rather than through a format string: this runs for every request.
void append_access_log(std::string& out, const AccessLogEntry& e) {
  out.append("remote=").append(e.remote).append(" method=").append(e.method).append(" path=");
  append_log_quoted(out, e.path, kMaxLoggedPath);
  out.append(" status=");
  append_number(out, e.status);
  out.append(" bytes=");
  append_number(out, static_cast<std::int64_t>(e.bytes));
  out.append(" duration_us=");
  append_number(out, e.duration_us);
  out.append(" ua=");
  append_log_quoted(out, e.user_agent, kMaxLoggedUserAgent);
}

std::string format_access_log(const AccessLogEntry& e) {
  std::string line;
  line.reserve(128 + e.path.size() + e.user_agent.size());
  append_access_log(line, e);
  return line;
}

AccessLogWriter::AccessLogWriter(int fd) : fd_(fd), thread_([this] { run(); }) {}

AccessLogWriter::~AccessLogWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void AccessLogWriter::append(const AccessLogEntry& entry) {
  // Formatted outside the lock, into a buffer each thread reuses.
  thread_local std::string line;
  line.clear();
  append_time(line);
  append_access_log(line, entry);
  line.push_back('\n');
  bool flush = false;
  {
    std::lock_guard lock(mutex_);
    if (pending_.size() + line.size() > kMaxPendingBytes) {
      ++dropped_;
      return;
    }
    pending_.append(line);
    flush = pending_.size() >= kFlushBytes;
  }
  if (flush) wake_.notify_one();
}

void AccessLogWriter::write_all(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to write (closed, full disk): the lines are lost, not retried
    done += static_cast<std::size_t>(n);
  }
}

void AccessLogWriter::run() {
  std::string writing;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, kFlushInterval,
                   [this] { return stopping_ || pending_.size() >= kFlushBytes; });
    if (dropped_ > 0 && pending_.size() < kMaxPendingBytes / 2) {
      pending_.append(fmt::format("access_log_dropped={}\n", dropped_));
      dropped_ = 0;
    }
    writing.clear();
    writing.swap(pending_);  // both buffers keep their capacity
    const bool last = stopping_;
    lock.unlock();
    write_all(writing);
    lock.lock();
    if (last && pending_.empty()) return;
  }
}

}  // namespace bdp::http
