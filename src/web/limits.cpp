#include "web/limits.h"

namespace bdp::web {

void apply_limits(const Limits& limits, http::ServerOptions& options) {
  options.max_header_bytes = limits.header_bytes;
  options.max_body_bytes = limits.body_bytes;
  options.max_chunk_framing_bytes = limits.chunk_framing_bytes;
  options.max_connections = limits.connections;
  options.max_connections_per_address = limits.connections_per_address;
  options.idle_timeout_seconds = limits.idle_seconds;
  options.read_timeout_seconds = limits.request_seconds;
  options.work_threads = limits.password_check_threads;
  options.work_queue = limits.password_check_queue;
  options.spool.path_prefix = kUploadPrefix;
  options.spool.body_bytes = limits.upload_bytes;
  options.spool.timeout_seconds = limits.upload_seconds;
}

}  // namespace bdp::web
