// The one error boundary: every failure a request meets becomes its response here, so the map
// from ErrorKind to HTTP status and the texts a client sees exist once. Error::message (SQL,
// Xapian text, file paths, exception text) is only logged; a client sees the kind's translated
// title and the Error's public_message (a translation key) or the kind's generic text.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/message.h"
#include "i18n/i18n.h"

namespace bdp::web {

// html: the error page of the site; problem_json: RFC 9457 problem details, for /api/.
enum class ErrorFormat { html, problem_json };

int http_status_for(ErrorKind kind);

// What a client may see of an error, in its language.
struct PublicError {
  int status = 500;
  std::string code;    // the kind's name: "not_found"
  std::string title;   // "Nie znaleziono strony"
  std::string detail;  // Error::public_message translated, or the kind's generic text
};
// Pure; never reads Error::message.
PublicError public_error(const Error& error, i18n::Lang lang);

// Logs error.message with the request's target: error level for 5xx, debug below (a client's
// mistake is not the operator's concern).
void log_error(const Error& error, std::string_view target);

// Renders the site's HTML page (layout, menu, counter) around a PublicError.
using ErrorPageRenderer = std::function<std::string(const PublicError&)>;

// The response for `error` to the request for `target`, logged by log_error(). html:
// `render_page`'s page, text/html; problem_json: application/problem+json {"type": "about:blank",
// "title", "status", "detail", "code", "instance": target}. Never cached (Cache-Control: no-store);
// 503 carries Retry-After: 5. Thread-safe when render_page is.
http::Response error_response(const Error& error, ErrorFormat format, i18n::Lang lang,
                              std::string_view target, const ErrorPageRenderer& render_page);

}  // namespace bdp::web
