#include "http/request_reader.h"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <optional>

#include "http/ascii.h"

namespace bdp::http {
namespace {

namespace beast = boost::beast;
using beast::error_code;

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
class Parser final : public beast::http::basic_parser<true> {
 public:
  Parser(Request& request, std::string& method, int& version, const SpoolRule* spool)
      : request_(request), method_(method), version_(version), spool_(spool) {}
  bool expects_continue() const { return expects_continue_; }
  bool spool_failed() const { return spool_failed_; }
  bool spooling() const { return request_.spooled != nullptr; }

 private:
  void on_request_impl(beast::http::verb verb, beast::string_view method_str,
                       beast::string_view target, int version, error_code& ec) override {
    request_.method = to_method(verb);
    method_.assign(method_str.data(), method_str.size());
    request_.target.assign(target.data(), target.size());
    version_ = version;
    if (spool_ && verb == beast::http::verb::post && !spool_->path_prefix.empty() &&
        !spool_->directory.empty() && request_.target.starts_with(spool_->path_prefix)) {
      body_limit(spool_->body_bytes);
      auto file = SpooledFile::create(spool_->directory);
      if (!file) {
        spool_failed_ = true;
        ec = beast::http::error::body_limit;
        return;
      }
      request_.spooled = std::move(*file);
    }
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
    if (length && !request_.spooled) request_.body.reserve(static_cast<std::size_t>(*length));
  }
  std::size_t on_body_impl(beast::string_view body, error_code& ec) override {
    return keep(body, ec);
  }
  void on_chunk_header_impl(std::uint64_t, beast::string_view, error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, beast::string_view body, error_code& ec) override {
    return keep(body, ec);
  }
  void on_finish_impl(error_code& ec) override {
    if (request_.spooled && !request_.spooled->close()) fail_spool(ec);
  }

  std::size_t keep(beast::string_view body, error_code& ec) {
    if (!request_.spooled) {
      request_.body.append(body.data(), body.size());
    } else if (!request_.spooled->append(body.data(), body.size())) {
      fail_spool(ec);
      return 0;
    }
    return body.size();
  }
  void fail_spool(error_code& ec) {
    spool_failed_ = true;
    ec = beast::http::error::body_limit;
  }

  Request& request_;
  std::string& method_;
  int& version_;
  const SpoolRule* spool_;
  bool expects_continue_ = false;
  bool spool_failed_ = false;
  bool transfer_encoding_ = false;
  int hosts_ = 0;
};

int status_for(const error_code& ec) {
  if (ec == beast::http::error::body_limit) return 413;
  if (ec == beast::http::error::header_limit) return 431;
  return 400;
}

}  // namespace

struct RequestReader::Impl {
  std::optional<Parser> parser;
  ReadLimits limits;
};

RequestReader::RequestReader() : impl_(std::make_unique<Impl>()) {}
RequestReader::~RequestReader() = default;

void RequestReader::start(Request& request, const ReadLimits& limits) {
  request.method = Method::get;
  request.target.clear();
  request.path.clear();
  request.query.clear();
  request.headers.clear();
  request.body.clear();
  request.spooled.reset();
  state_ = State::need_more;
  reject_status_ = 0;
  version_ = 11;
  method_.assign("-");
  impl_->limits = limits;
  auto& parser = impl_->parser.emplace(request, method_, version_, limits.spool);
  parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
  parser.body_limit(limits.body_bytes);
}

std::size_t RequestReader::feed(std::string_view bytes) {
  Parser& parser = *impl_->parser;
  std::size_t consumed = 0;
  while (consumed < bytes.size() && !parser.is_done()) {
    error_code ec;
    const std::size_t used =
        parser.put(boost::asio::const_buffer(bytes.data() + consumed, bytes.size() - consumed), ec);
    consumed += used;
    if (ec == beast::http::error::need_more || (!ec && used == 0)) break;
    if (ec) {
      state_ = State::rejected;
      reject_status_ = parser.spool_failed() ? 503 : status_for(ec);
      return consumed;
    }
  }
  if (parser.is_done()) {
    state_ = State::complete;
  } else if (parser.is_header_done() &&
             bytes.size() - consumed >= impl_->limits.chunk_framing_bytes) {
    // Past the header, what stays unconsumed is an unfinished chunk-size line or trailer (body
    // bytes are consumed as they come): Beast's header limit does not bound it; this does.
    state_ = State::rejected;
    reject_status_ = 431;
  }
  return consumed;
}

bool RequestReader::header_done() const {
  return impl_->parser && impl_->parser->is_header_done();
}
bool RequestReader::expects_continue() const {
  return version_ >= 11 && impl_->parser && impl_->parser->expects_continue();
}
bool RequestReader::spooling() const {
  return impl_->parser && impl_->parser->spooling();
}
bool RequestReader::keep_alive() const {
  return impl_->parser && impl_->parser->keep_alive();
}

}  // namespace bdp::http
