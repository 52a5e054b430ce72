// Internal to src/http (included by server.cpp and connection.cpp only): the state the server
// shares with its connections, and the set of connections of one worker thread.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <unordered_set>

#include "http/access_log.h"
#include "http/connection_limits.h"
#include "http/server.h"
#include "http/work_pool.h"

namespace bdp::http {

// Read-only after Server::start(), except `stopping`; shared by all worker threads.
struct ServerShared {
  ServerOptions options;
  Handler handler;
  std::unique_ptr<AccessLogWriter> access_log;  // null when options.access_log is false
  std::unique_ptr<ConnectionLimits> limits;
  // Runs Response::deferred; its tasks hold connections, so it is reset before the workers go.
  std::unique_ptr<WorkPool> work;
  std::atomic<bool> stopping{false};  // set once by stop(): finish, then close
};

class Connection;

// Sockets bound to a concrete io_context executor: no type-erased executor on the hot path.
using Socket =
    boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;

// The open connections of one worker. Not thread-safe: every call, and the life of every
// connection, happens on the worker's io_context thread. Must outlive that io_context's handlers
// (declare it before the io_context).
class Connections {
 public:
  explicit Connections(const ServerShared& shared) : shared_(shared) {}
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  // Serves HTTP on an accepted socket until the peer closes, a timeout or stop; answers 503 and
  // closes at once when the connection limits are reached.
  void serve(Socket socket);
  // Closes connections waiting for a request; busy ones close after their response (stop()).
  void close_idle();
  std::size_t size() const { return open_.size(); }

 private:
  friend class Connection;

  const ServerShared& shared_;
  std::unordered_set<Connection*> open_;
};

}  // namespace bdp::http
