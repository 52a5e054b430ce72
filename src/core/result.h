// Result<T>: the value of an operation that can fail in an expected way, or an Error saying why.
// Errors carry a kind (mapped to HTTP status in one place, web/error_mapping) and a message a
// user or operator can act on. Exceptions are for programming errors only.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace bdp {

enum class ErrorKind {
  invalid_input,  // the caller sent something wrong; retrying the same thing fails again
  not_found,      // the thing asked for does not exist
  conflict,       // the request contradicts the current state (duplicate key, stale version)
  unavailable,    // a dependency (database, disk) is down; retrying later may work
  internal,       // a bug or an unexpected state; logged with context
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

// Status: a Result with no value.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message)});
}

const char* to_string(ErrorKind kind);

}  // namespace bdp
