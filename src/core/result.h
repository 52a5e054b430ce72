// Result<T>: the value of an operation that can fail in an expected way, or an Error saying why.
// Errors carry a kind (mapped to HTTP status in one place, web/error_boundary), a message for
// the log that a user or operator can act on, and apart from it what a client may be told.
// Exceptions are for programming errors only.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace bdp {

enum class ErrorKind {
  invalid_input,      // the caller sent something wrong; retrying the same thing fails again
  not_found,          // the thing asked for does not exist
  conflict,           // the request contradicts the current state (duplicate key, stale version)
  forbidden,          // understood but refused (a form without its anti-forgery token)
  unavailable,        // a dependency (database, disk) is down; retrying later may work
  too_many_requests,  // the client sent more requests than its rate limit; it may retry later
  internal,           // a bug or an unexpected state; logged with context
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  // For logs and operators only: may hold SQL, file paths, library text. Never sent to clients.
  std::string message;
  // What a client may be told: a key of the translation table (i18n/table.cpp), so the error
  // boundary shows it in the visitor's language. Empty: the generic text of the kind. Never
  // internal text.
  std::string public_message = {};
};

template <class T>
using Result = std::expected<T, Error>;

// Status: a Result with no value.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message)});
}
// As above, with the translation key of what a client may be told (see Error::public_message).
inline std::unexpected<Error> fail(ErrorKind kind, std::string message,
                                   std::string public_message) {
  return std::unexpected(Error{kind, std::move(message), std::move(public_message)});
}

// "invalid_input", "not_found", …: the kind's name as written in code (logs, translation keys).
const char* to_string(ErrorKind kind);

}  // namespace bdp
