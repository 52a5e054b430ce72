#include "http/access_log.h"

#include <fmt/format.h>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace bdp::http {

void append_log_quoted(std::string& out, std::string_view value, std::size_t max_bytes) {
  const bool cut = value.size() > max_bytes;
  if (cut) value = value.substr(0, max_bytes);
  out.push_back('"');
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20 || c > 0x7E) {
      fmt::format_to(std::back_inserter(out), "\\x{:02X}", c);
    } else {
      out.push_back(ch);
    }
  }
  if (cut) out.append("...");
  out.push_back('"');
}

std::string format_access_log(const AccessLogEntry& e) {
  std::string line;
  line.reserve(128 + e.path.size() + e.user_agent.size());
  fmt::format_to(std::back_inserter(line), "remote={} method={} path=", e.remote, e.method);
  append_log_quoted(line, e.path, kMaxLoggedPath);
  fmt::format_to(std::back_inserter(line), " status={} bytes={} duration_us={} ua=", e.status,
                 e.bytes, e.duration_us);
  append_log_quoted(line, e.user_agent, kMaxLoggedUserAgent);
  return line;
}

std::shared_ptr<spdlog::logger> access_logger() {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  if (auto existing = spdlog::get("access")) return existing;
  auto logger = spdlog::create_async<spdlog::sinks::stdout_sink_mt>("access");
  logger->set_pattern("time=%Y-%m-%dT%H:%M:%S.%e%z %v");
  return logger;
}

}  // namespace bdp::http
