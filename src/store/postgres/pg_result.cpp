#include "store/postgres/pg_result.h"

#include <charconv>
#include <cstring>
#include <string_view>

#include "store/postgres/bytea.h"

namespace bdp::pg {

namespace {

// pg_type.oid of bytea: its cells arrive as "\\x" and hex, and are handed on as bytes.
constexpr Oid kByteaOid = 17;

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

sql::Rows to_rows(const PGresult* result) {
  const int rows = PQntuples(result);
  const int columns = PQnfields(result);
  std::vector<sql::Cell> cells;
  cells.reserve(static_cast<std::size_t>(rows) * columns);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result, r, c)) {
        cells.emplace_back(std::monostate{});
        continue;
      }
      std::string_view text(PQgetvalue(result, r, c),
                            static_cast<std::size_t>(PQgetlength(result, r, c)));
      if (PQftype(result, c) == kByteaOid) {
        auto bytes = bytes_from_hex(text.substr(text.starts_with("\\x") ? 2 : 0));
        cells.emplace_back(bytes ? std::move(*bytes) : std::string());
      } else {
        cells.emplace_back(std::string(text));
      }
    }
  }
  const char* count = PQcmdTuples(const_cast<PGresult*>(result));
  std::int64_t affected = 0;
  std::from_chars(count, count + std::strlen(count), affected);
  return sql::Rows(columns, std::move(cells), affected);
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
