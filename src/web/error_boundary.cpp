#include "web/error_boundary.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "http/response_head.h"

namespace bdp::web {

int http_status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 400;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::too_many_requests:
      return 429;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

PublicError public_error(const Error& error, i18n::Lang lang) {
  const std::string code = to_string(error.kind);
  const std::string detail_key =
      error.public_message.empty() ? "error." + code + ".text" : error.public_message;
  return {http_status_for(error.kind), code,
          std::string(i18n::tr(lang, "error." + code + ".title")),
          std::string(i18n::tr(lang, detail_key))};
}

namespace {

http::Response problem_json(const PublicError& e, std::string_view target) {
  // The title of about:blank is the status phrase (RFC 9457 §4.2.1); the visitor's language
  // goes in detail.
  const nlohmann::json body = {
      {"type", "about:blank"}, {"title", std::string(http::reason_phrase(e.status))},
      {"status", e.status},    {"detail", e.detail},
      {"code", e.code},        {"instance", std::string(target)}};
  return http::text_response(
      e.status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
      "application/problem+json");
}

}  // namespace

void log_error(const Error& error, std::string_view target) {
  if (http_status_for(error.kind) >= 500) {
    spdlog::error("{} {}: {}", to_string(error.kind), target, error.message);
  } else {
    spdlog::debug("{} {}: {}", to_string(error.kind), target, error.message);
  }
}

http::Response error_response(const Error& error, ErrorFormat format, i18n::Lang lang,
                              std::string_view target, const ErrorPageRenderer& render_page) {
  const PublicError e = public_error(error, lang);
  log_error(error, target);
  http::Response r =
      format == ErrorFormat::problem_json
          ? problem_json(e, target)
          : http::text_response(e.status, render_page(e), "text/html; charset=utf-8");
  r.set_header("cache-control", "no-store");
  if (e.status == 503) r.set_header("retry-after", "5");
  return r;
}

}  // namespace bdp::web
