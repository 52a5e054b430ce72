// The project's own HTTP request/response types: handlers never see Boost.Beast.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/spool.h"

namespace bdp::http {

enum class Method { get, head, post, put, del, options, other };

// Header names are stored lower-case; lookups are case-insensitive through `header()`.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::get;
  std::string target;  // raw target as received: "/praktyki/1-x?s=2"
  std::string path;    // percent-decoded path, valid UTF-8 (the server rejects others with 400)
  std::multimap<std::string, std::string> query;  // decoded query parameters
  Headers headers;
  std::string body;  // empty when spooled
  // The body as a file, for the requests of ServerOptions::spool (spool.h); null otherwise.
  std::shared_ptr<SpooledFile> spooled;
  std::string remote_address;  // peer IP, or the X-Forwarded-For client when trusted

  std::optional<std::string_view> header(std::string_view name) const;
  // First value of query parameter `name`, or "" when absent.
  std::string param(const std::string& name) const;
  // The value of cookie `name` from the Cookie header(s) (cookie.h); nullopt when absent.
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response;
// Slow work a handler hands back to run off the request threads (a password check): the server
// runs it on its bounded work pool and sends the Response it returns, or answers 503 with
// Retry-After when the pool's queue is full. It must own what it captures (the Request is reused
// once the handler returns). A throw becomes a 500, as from a handler.
using DeferredWork = std::function<Response()>;

// A body read piece by piece while it is sent (a stored file), so that a large one is never
// held whole in memory. Used by one connection, on its thread, a piece at a time.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  virtual std::uint64_t size() const = 0;  // bytes in all (the Content-Length)
  // The next at most `max` bytes; empty after the last. An error ends the connection there
  // (logged; the client sees a body shorter than announced).
  virtual Result<std::string> next(std::size_t max) = 0;
};

struct Response {
  int status = 200;
  Headers headers;  // e.g. {"content-type", "text/html; charset=utf-8"}
  std::string body;
  std::shared_ptr<BodyStream> stream;  // when set, the body instead of `body` (never compressed)
  // False for a body that carries a secret beside reflected input: never compressed (BREACH).
  bool compressible = true;
  DeferredWork deferred;  // when set, status, headers and body are ignored

  // The length of the body: of `stream` when set, of `body` otherwise.
  std::uint64_t body_size() const { return stream ? stream->size() : body.size(); }
  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;
  // Adds `field` (a request header name) to the Vary header, unless it is listed already (in
  // any case) or Vary is "*".
  void add_vary(std::string_view field);
};

// Helpers that build the common responses.
Response text_response(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");
Response redirect(int status, std::string location);

}  // namespace bdp::http
