// One HTTP/1.x connection: read a request (Beast's parser feeding bdp::http::Request directly),
// call the handler, write the response, repeat while keep-alive. Requests on a connection are
// handled strictly one after another, so pipelined requests are answered in order.
#include "http/connection.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <exception>
#include <optional>

#include "http/access_log.h"
#include "http/ascii.h"
#include "http/finalize.h"
#include "http/forwarded_for.h"
#include "http/http_date.h"
#include "http/request_reader.h"
#include "http/response_head.h"
#include "http/target.h"

namespace bdp::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using beast::error_code;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunk = std::size_t{8} * 1024;
constexpr std::size_t kMaxDrainBytes = 1 << 20;  // unread request bytes discarded before close
constexpr auto kDrainTime = std::chrono::seconds(2);
constexpr std::size_t kStreamPiece = std::size_t{256} * 1024;  // a piece of a streamed body
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// Buffers above this are given back when a keep-alive connection goes idle.
constexpr std::size_t kKeptCapacity = std::size_t{64} * 1024;
constexpr std::string_view kBusy =
    "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n"
    "Connection: close\r\n\r\n";

Response error_response(int status) {
  return text_response(status, std::string(reason_phrase(status)) + "\n");
}

void give_back_if_large(std::string& s) {
  if (s.capacity() > kKeptCapacity) std::string().swap(s);
}

}  // namespace

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // REQUIRES: owner's limits admitted `peer_address` (released here on destruction).
  Connection(Socket socket, std::string peer_address, Connections& owner)
      : stream_(std::move(socket)),
        owner_(owner),
        options_(owner.shared_.options),
        peer_address_(std::move(peer_address)) {
    owner_.open_.insert(this);
  }
  ~Connection() {
    owner_.open_.erase(this);
    owner_.shared_.limits->release(peer_address_);
  }

  void start() { next_request(); }

  void close_if_idle() {
    if (idle_) stream_.close();
  }

 private:
  // Prepares for the next request and parses the pipelined bytes already buffered, if any.
  void next_request() {
    if (owner_.shared_.stopping) return close();
    reader_.start(request_, {options_.max_header_bytes, options_.max_body_bytes,
                             options_.max_chunk_framing_bytes, &options_.spool});
    give_back_if_large(request_.body);
    give_back_if_large(response_.body);
    give_back_if_large(piece_);
    if (buffer_.size() == 0 && buffer_.capacity() > kKeptCapacity) buffer_.shrink_to_fit();
    request_.remote_address = peer_address_;
    request_started_ = false;
    continue_sent_ = false;
    upload_deadline_ = false;
    parse();
  }

  // Feeds the buffered bytes to the reader (driven here rather than by beast::http::async_read,
  // so a request that arrived whole costs one read and no extra handler round trip).
  void parse() {
    if (buffer_.size() > 0) {
      if (!request_started_) start_request_clock();
      const auto bytes = buffer_.data();
      buffer_.consume(reader_.feed({static_cast<const char*>(bytes.data()), bytes.size()}));
    }
    using State = RequestReader::State;
    if (reader_.state() == State::rejected) return on_rejected(reader_.reject_status());
    if (reader_.state() == State::complete) return handle();
    if (reader_.spooling() && !upload_deadline_) {
      upload_deadline_ = true;
      deadline_ = started_ + std::chrono::seconds(options_.spool.timeout_seconds);
    }
    if (reader_.header_done() && reader_.expects_continue() && !continue_sent_) {
      return send_continue();
    }
    read_more();
  }

  // The first byte of a request starts its read deadline (and its access-log duration).
  void start_request_clock() {
    request_started_ = true;
    first_request_ = false;
    started_ = Clock::now();
    deadline_ = started_ + std::chrono::seconds(options_.read_timeout_seconds);
  }

  // Between requests the idle timeout applies (the read timeout before the first request of a
  // connection); within a request, the request's read deadline.
  void read_more() {
    idle_ = !request_started_;
    if (!idle_) {
      stream_.expires_at(deadline_);
    } else {
      stream_.expires_after(std::chrono::seconds(first_request_ ? options_.read_timeout_seconds
                                                                : options_.idle_timeout_seconds));
    }
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](error_code ec, std::size_t n) {
                              self->idle_ = false;
                              self->buffer_.commit(n);
                              if (ec) return self->close();  // peer gone, timeout or stop
                              self->parse();
                            });
  }

  void send_continue() {
    continue_sent_ = true;
    stream_.expires_at(deadline_);
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this()](error_code ec, std::size_t) {
                        if (ec) return self->close();
                        self->parse();
                      });
  }

  void on_rejected(int status) {
    spdlog::warn("http: request from {} refused with {}", peer_address_, status);
    response_ = error_response(status);
    request_.path.clear();
    request_.spooled.reset();
    send(/*keep_alive=*/false, /*drain=*/true);
  }

  void handle() {
    if (auto parsed = parse_target(request_.target, request_.path, request_.query); !parsed) {
      response_ = error_response(400);
      request_.path.clear();
      return send(false, true);
    }
    if (!options_.trusted_proxies.empty()) {
      request_.remote_address =
          client_address(peer_address_, request_.headers, options_.trusted_proxies);
    }
    response_ = guarded([this] { return owner_.shared_.handler(request_); });
    request_.spooled.reset();  // deferred work that needs the file holds its own reference
    if (response_.deferred) return defer();
    respond();
  }

  void respond() {
    check_fields();
    finalize_response(request_, response_);
    send(reader_.keep_alive() && !owner_.shared_.stopping, false);
  }

  // Runs the handler's deferred work on the work pool, then responds on this connection's
  // thread. The work guard keeps the io_context running (also through stop()) until then.
  void defer() {
    auto work = std::move(response_.deferred);
    auto task = [self = shared_from_this(), work = std::move(work),
                 guard = asio::make_work_guard(stream_.get_executor())]() mutable {
      Response done = self->guarded(work);
      auto executor = guard.get_executor();
      asio::post(executor, [self = std::move(self), done = std::move(done),
                            guard = std::move(guard)]() mutable {
        self->response_ = std::move(done);
        self->response_.deferred = nullptr;  // deferred work cannot defer again
        self->respond();
      });
    };
    if (owner_.shared_.work->try_submit(std::move(task))) return;
    spdlog::warn("http: work queue full; {} {} from {} answered 503", reader_.method(),
                 request_.target, peer_address_);
    response_ = error_response(503);
    response_.set_header("retry-after", "1");
    respond();
  }

  // What `make` returns, or a 500 when it throws (logged, never sent to the client).
  template <typename Make>
  Response guarded(Make&& make) const {
    try {
      return make();
    } catch (const std::exception& e) {
      spdlog::error("http: handler failed on {} {}: {}", reader_.method(), request_.target,
                    e.what());
    } catch (...) {
      spdlog::error("http: handler failed on {} {}: unknown exception", reader_.method(),
                    request_.target);
    }
    return error_response(500);
  }

  void check_fields() {
    for (const auto& [name, value] : response_.headers) {
      if (!is_valid_field(name, value)) {
        spdlog::error("http: handler for {} {} set an invalid header field {:?}", reader_.method(),
                      request_.target, name);
        response_ = error_response(500);
        return;
      }
    }
  }

  void send(bool keep_alive, bool drain) {
    const bool with_body =
        request_.method != Method::head && !status_forbids_body(response_.status);
    head_.clear();
    append_response_head(head_, response_,
                         {reader_.version(), keep_alive, response_.body_size(), http_date_now()});
    if (with_body && response_.stream) return send_streamed(keep_alive);
    const std::size_t body_bytes = with_body ? response_.body.size() : 0;
    const std::array<asio::const_buffer, 2> buffers = {
        asio::buffer(head_), asio::buffer(response_.body.data(), body_bytes)};
    stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
    asio::async_write(
        stream_, buffers,
        [self = shared_from_this(), keep_alive, drain, body_bytes](error_code ec, std::size_t) {
          self->log_access(body_bytes);
          if (ec) return self->close();
          if (drain) return self->drain_and_close();
          if (!keep_alive) return self->close();
          self->next_request();
        });
  }

  // The head, then the body of response_.stream a piece at a time, each read when the one before
  // is written (so one piece is in memory).
  void send_streamed(bool keep_alive) {
    stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
    asio::async_write(stream_, asio::buffer(head_),
                      [self = shared_from_this(), keep_alive](error_code ec, std::size_t) {
                        if (ec) {
                          self->log_access(0);
                          return self->close();
                        }
                        self->send_piece(keep_alive, 0);
                      });
  }

  void send_piece(bool keep_alive, std::uint64_t sent) {
    auto piece = response_.stream->next(kStreamPiece);
    const std::uint64_t size = response_.stream->size();
    const bool done = piece && piece->empty();
    if (!piece || (done && sent != size) || (piece && piece->size() > size - sent)) {
      // Never more bytes than the Content-Length: they would be read as another response.
      spdlog::error(
          "http: the body of {} {} broke off after {} of {} bytes: {}", reader_.method(),
          request_.target, sent, size,
          !piece ? piece.error().message : (done ? "it ended early" : "it went past its length"));
      log_access(sent);
      return close();
    }
    if (done) {
      log_access(sent);
      response_.stream.reset();
      if (!keep_alive) return close();
      return next_request();
    }
    piece_ = std::move(*piece);
    stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
    asio::async_write(stream_, asio::buffer(piece_),
                      [self = shared_from_this(), keep_alive, sent](error_code ec, std::size_t n) {
                        if (ec) {
                          self->log_access(sent + n);
                          return self->close();
                        }
                        self->send_piece(keep_alive, sent + n);
                      });
  }

  void log_access(std::size_t body_bytes) {
    AccessLogWriter* log = owner_.shared_.access_log.get();
    if (!log) return;
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    const auto ua = request_.header("user-agent");
    log->append({request_.remote_address, reader_.method(),
                 request_.path.empty() ? request_.target : request_.path, response_.status,
                 body_bytes, us, ua ? *ua : "-"});
  }

  // After an error response to a request whose body was not read: stop sending, then read and
  // discard what the client is still sending for a while, so closing does not reset the
  // connection (an RST can destroy the response before the client reads it).
  void drain_and_close() {
    error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    if (ec) return close();
    buffer_.clear();
    stream_.expires_after(kDrainTime);
    drain();
  }

  void drain() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->close();
                              self->drain();
                            });
  }

  void close() {
    error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::basic_stream<asio::ip::tcp, asio::io_context::executor_type> stream_;
  Connections& owner_;
  const ServerOptions& options_;
  beast::flat_buffer buffer_;  // reused for every request; keeps pipelined bytes
  RequestReader reader_;
  Request request_;
  const std::string peer_address_;
  Response response_;
  std::string head_;
  std::string piece_;  // of a streamed body, being written
  Clock::time_point started_;
  Clock::time_point deadline_;
  std::size_t drained_ = 0;
  bool first_request_ = true;
  bool request_started_ = false;
  bool continue_sent_ = false;
  bool upload_deadline_ = false;  // the request is spooled: its deadline is the upload's
  bool idle_ = false;
};

void Connections::serve(Socket socket) {
  error_code ec;
  const auto peer = socket.remote_endpoint(ec);
  std::string address = ec ? "-" : peer.address().to_string();
  if (!shared_.limits->admit(address)) {
    spdlog::warn("http: connection limit reached; {} refused with 503", address);
    socket.non_blocking(true, ec);
    if (!ec) socket.write_some(asio::buffer(kBusy.data(), kBusy.size()), ec);
    socket.close(ec);
    return;
  }
  std::make_shared<Connection>(std::move(socket), std::move(address), *this)->start();
}

void Connections::close_idle() {
  // Closing completes the pending read with an error; that handler removes the connection.
  for (Connection* c : open_) c->close_if_idle();
}

}  // namespace bdp::http
