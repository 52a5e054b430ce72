#include "store/postgres/pg_result.h"

#include <charconv>
#include <cstring>
#include <string_view>

namespace bdp::pg {

namespace {

std::string_view sqlstate(const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state ? std::string_view(state) : std::string_view();
}

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(handle_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(handle_.get(), row, column)));
}

std::int64_t PgResult::integer(int row, int column) const {
  const char* value = PQgetvalue(handle_.get(), row, column);
  std::int64_t number = 0;
  std::from_chars(value, value + std::strlen(value), number);
  return number;
}

bool PgResult::boolean(int row, int column) const {
  return PQgetvalue(handle_.get(), row, column)[0] == 't';
}

double PgResult::real(int row, int column) const {
  const char* value = PQgetvalue(handle_.get(), row, column);
  double number = 0;
  std::from_chars(value, value + std::strlen(value), number);
  return number;
}

std::optional<std::int64_t> PgResult::optional_integer(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return integer(row, column);
}

std::optional<double> PgResult::optional_real(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return real(row, column);
}

std::int64_t PgResult::affected() const {
  const char* count = PQcmdTuples(handle_.get());
  std::int64_t number = 0;
  std::from_chars(count, count + std::strlen(count), number);
  return number;
}

bool is_connection_failure(PGconn* conn, const PGresult* result) {
  if (PQstatus(conn) == CONNECTION_BAD) return true;
  std::string_view state = sqlstate(result);
  // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too
  // many connections.
  return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03" ||
         state == "53300";
}

Error error_of(PGconn* conn, const PGresult* result) {
  // The server's primary message and detail, without libpq's "ERROR:" prefix and line breaks;
  // libpq's own message when the server said nothing (connection failures).
  std::string message =
      trimmed(result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr);
  if (std::string detail =
          trimmed(result ? PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL) : nullptr);
      !detail.empty()) {
    message += " (" + detail + ")";
  }
  if (message.empty()) message = trimmed(PQerrorMessage(conn));
  if (is_connection_failure(conn, result)) {
    return Error{ErrorKind::unavailable, "database unavailable: " + message};
  }
  std::string_view state = sqlstate(result);
  if (state == "23505") return Error{ErrorKind::conflict, message};
  if (state == "40001" || state == "40P01") return Error{ErrorKind::conflict, message};
  if (state.starts_with("23") || state.starts_with("22")) {
    return Error{ErrorKind::invalid_input, message};
  }
  return Error{ErrorKind::internal, "database error " + std::string(state) + ": " + message};
}

}  // namespace bdp::pg
