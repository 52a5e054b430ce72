// HTTP/1.1 server (Boost.Beast inside, not in this header): one io_context per thread, each with
// its own SO_REUSEPORT listener. Handles keep-alive, HEAD, request-size, header and chunk-framing
// limits (413/431), connection caps (503), read/idle timeouts, malformed or ambiguous framing
// (400, never a crash; RFC 9112 Host and Transfer-Encoding rules), gzip of compressible
// responses the handler did not encode itself (no content-encoding header) when the client
// accepts it, If-None-Match → 304 when the handler set an etag, a structured access log, and
// graceful shutdown (stop accepting, finish in-flight requests).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "http/spool.h"

namespace bdp::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;                // 0 picks a free port (tests); see Server::port()
  int threads = 0;                          // 0: one per core
  std::size_t max_body_bytes = 1 << 20;     // larger bodies get 413
  std::size_t max_header_bytes = 16 << 10;  // larger headers get 431
  // A chunk-size line with its extensions, or a chunked body's trailer section, longer than
  // this gets 431 (Beast's header limit does not cover them).
  std::size_t max_chunk_framing_bytes = 4 << 10;
  int read_timeout_seconds = 15;  // a request must arrive within this (its deadline)
  int idle_timeout_seconds = 60;  // keep-alive connections idle longer are closed
  // Open connections beyond these are answered 503 and closed at once. The total is lowered to
  // fit the process's descriptor limit; the per-address cap does not apply to trusted proxies.
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 256;
  // Deferred work (Response::deferred, e.g. password checks): threads, and how many may wait.
  int work_threads = 2;
  std::size_t work_queue = 16;
  bool access_log = true;  // one line per request (access_log.h), written in batches
  int access_log_fd = 1;   // where the access log goes (borrowed; default stdout)
  // Peers (exact IP addresses, e.g. the local nginx "127.0.0.1") whose X-Forwarded-For names the
  // client: Request::remote_address is then its last hop (forwarded_for.h). Empty: the peer.
  std::vector<std::string> trusted_proxies;
  // Uploads whose body goes to a file as it arrives, with their own size limit and read
  // deadline instead of max_body_bytes and read_timeout_seconds (spool.h). Default: none.
  SpoolRule spool;
};

// A handler answers one request; it may be called from several threads at once, and runs on a
// server thread (a slow handler delays the other connections of that thread).
// A handler that throws yields a 500 (the exception is logged, never sent to the client), as
// does a header field that could split the response (CR/LF in a value, a name not a token).
// HEAD requests reach the handler with Method::head; answer as for GET: the server sends the
// headers with that body's Content-Length and drops the body.
using Handler = std::function<Response(const Request&)>;

class Server {
 public:
  // Binds the listeners; fails with unavailable when the address cannot be bound.
  static Result<std::unique_ptr<Server>> start(ServerOptions options, Handler handler);
  virtual ~Server() = default;
  virtual std::uint16_t port() const = 0;
  // Blocks until stop() has completed (stop() may be called from any other thread).
  virtual void wait() = 0;
  // Closes the listeners and the idle keep-alive connections, lets in-flight requests finish and
  // be answered with "Connection: close" (up to 5 s, then cuts them), joins the threads and
  // returns. Idempotent; thread-safe (a concurrent caller returns once the first one is done).
  // REQUIRES: not called from a handler (it joins the handler's thread). The destructor calls it.
  virtual void stop() = 0;
};

}  // namespace bdp::http
