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
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <chrono>
#include <exception>
#include <optional>

#include "http/access_log.h"
#include "http/ascii.h"
#include "http/finalize.h"
#include "http/forwarded_for.h"
#include "http/http_date.h"
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
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// Buffers above this are given back when a keep-alive connection goes idle.
constexpr std::size_t kKeptCapacity = std::size_t{64} * 1024;
constexpr std::string_view kBusy =
    "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n"
    "Connection: close\r\n\r\n";

Method to_method(beast::http::verb v) {
  using beast::http::verb;
  switch (v) {
    case verb::get:
      return Method::get;
    case verb::head:
      return Method::head;
    case verb::post:
      return Method::post;
    case verb::put:
      return Method::put;
    case verb::delete_:
      return Method::del;
    case verb::options:
      return Method::options;
    default:
      return Method::other;
  }
}

// Beast's incremental parser writing straight into a reused Request: no intermediate
// beast::http::fields, no second copy of the body.
class RequestParser final : public beast::http::basic_parser<true> {
 public:
  RequestParser(Request& request, std::string& method, int& version)
      : request_(request), method_(method), version_(version) {}
  bool expects_continue() const { return expects_continue_; }

 private:
  void on_request_impl(beast::http::verb verb, beast::string_view method_str,
                       beast::string_view target, int version, error_code&) override {
    request_.method = to_method(verb);
    method_.assign(method_str.data(), method_str.size());
    request_.target.assign(target.data(), target.size());
    version_ = version;
  }
  void on_response_impl(int, beast::string_view, int, error_code&) override {}
  void on_field_impl(beast::http::field name, beast::string_view name_string,
                     beast::string_view value, error_code&) override {
    auto& [key, val] = request_.headers.emplace_back();
    append_lower_ascii(key, {name_string.data(), name_string.size()});
    val.assign(value.data(), value.size());
    if (name == beast::http::field::expect && iequals(val, "100-continue")) {
      expects_continue_ = true;
    }
    if (name == beast::http::field::host) ++hosts_;
    if (name == beast::http::field::transfer_encoding) transfer_encoding_ = true;
  }
  // RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host. §6.3: a Transfer-Encoding whose
  // final coding is not chunked leaves the body's length unknown (Beast would read no body and
  // take the body for the next request: smuggling). Both are 400.
  void on_header_impl(error_code& ec) override {
    if (version_ >= 11 && hosts_ != 1) ec = beast::http::error::bad_value;
    if (transfer_encoding_ && !chunked()) ec = beast::http::error::bad_transfer_encoding;
  }
  void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code&) override {
    if (length) request_.body.reserve(static_cast<std::size_t>(*length));
  }
  std::size_t on_body_impl(beast::string_view body, error_code&) override {
    request_.body.append(body.data(), body.size());
    return body.size();
  }
  void on_chunk_header_impl(std::uint64_t, beast::string_view, error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, beast::string_view body, error_code&) override {
    request_.body.append(body.data(), body.size());
    return body.size();
  }
  void on_finish_impl(error_code&) override {}

  Request& request_;
  std::string& method_;
  int& version_;
  bool expects_continue_ = false;
  bool transfer_encoding_ = false;
  int hosts_ = 0;
};

void reset(Request& request) {
  request.method = Method::get;
  request.target.clear();
  request.path.clear();
  request.query.clear();
  request.headers.clear();
  request.body.clear();
}

// The status for a request the parser rejected, or 0 when the connection just ends (peer gone,
// timeout, shutdown) and there is nobody to answer.
int status_for_read_error(const error_code& ec) {
  if (ec == beast::http::error::body_limit) return 413;
  if (ec == beast::http::error::header_limit) return 431;
  if (ec.category() == error_code(beast::http::error::end_of_stream).category() &&
      ec != beast::http::error::end_of_stream && ec != beast::http::error::partial_message) {
    return 400;
  }
  return 0;
}

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
    reset(request_);
    give_back_if_large(request_.body);
    give_back_if_large(response_.body);
    if (buffer_.size() == 0 && buffer_.capacity() > kKeptCapacity) buffer_.shrink_to_fit();
    request_.remote_address = peer_address_;
    method_.assign("-");
    version_ = 11;
    request_started_ = false;
    continue_sent_ = false;
    parser_.emplace(request_, method_, version_);
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    parse();
  }

  // Feeds the buffered bytes to the parser (driven here rather than by beast::http::async_read,
  // so a request that arrived whole costs one read and no extra handler round trip).
  void parse() {
    while (buffer_.size() > 0 && !parser_->is_done()) {
      if (!request_started_) start_request_clock();
      error_code ec;
      const std::size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == beast::http::error::need_more || (!ec && used == 0)) break;
      if (ec) return on_read_error(ec);
    }
    // Past the header, what stays buffered is an unfinished chunk-size line or trailer (body
    // bytes are consumed as they come): bound it.
    if (!parser_->is_done() && parser_->is_header_done() &&
        buffer_.size() >= options_.max_chunk_framing_bytes) {
      spdlog::warn("http: {} sent a chunk line or trailer over {} bytes", peer_address_,
                   options_.max_chunk_framing_bytes);
      return on_read_error(beast::http::error::header_limit);
    }
    if (parser_->is_done()) return handle();
    if (parser_->is_header_done() && parser_->expects_continue() && version_ >= 11 &&
        !continue_sent_) {
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

  void on_read_error(const error_code& ec) {
    const int status = status_for_read_error(ec);
    if (status == 0) return close();
    response_ = error_response(status);
    request_.path.clear();
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
    if (response_.deferred) return defer();
    respond();
  }

  void respond() {
    check_fields();
    finalize_response(request_, response_);
    send(parser_->keep_alive() && !owner_.shared_.stopping, false);
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
    spdlog::warn("http: work queue full; {} {} from {} answered 503", method_, request_.target,
                 peer_address_);
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
      spdlog::error("http: handler failed on {} {}: {}", method_, request_.target, e.what());
    } catch (...) {
      spdlog::error("http: handler failed on {} {}: unknown exception", method_, request_.target);
    }
    return error_response(500);
  }

  void check_fields() {
    for (const auto& [name, value] : response_.headers) {
      if (!is_valid_field(name, value)) {
        spdlog::error("http: handler for {} {} set an invalid header field {:?}", method_,
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
                         {version_, keep_alive, response_.body.size(), http_date_now()});
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

  void log_access(std::size_t body_bytes) {
    AccessLogWriter* log = owner_.shared_.access_log.get();
    if (!log) return;
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    const auto ua = request_.header("user-agent");
    log->append({request_.remote_address, method_,
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
  std::optional<RequestParser> parser_;
  Request request_;
  const std::string peer_address_;
  std::string method_;
  int version_ = 11;
  Response response_;
  std::string head_;
  Clock::time_point started_;
  Clock::time_point deadline_;
  std::size_t drained_ = 0;
  bool first_request_ = true;
  bool request_started_ = false;
  bool continue_sent_ = false;
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
