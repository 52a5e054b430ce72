#include "store/postgres/connection.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <optional>
#include <string_view>
#include <variant>

#include "store/postgres/bytea.h"
#include "store/postgres/pg_result.h"

namespace bdp::pg {

namespace {

// Server notices (e.g. "drop cascades to …") are chatter; warnings go to the log.
void log_warnings(void*, const PGresult* notice) {
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity && std::string_view(severity) == "WARNING") {
    spdlog::warn("postgresql: {}", PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY));
  }
}

// A parameter in libpq's text form; nullopt is NULL.
std::optional<std::string> text_of(const sql::Value& value) {
  struct Encoder {
    std::optional<std::string> operator()(std::monostate) const { return std::nullopt; }
    std::optional<std::string> operator()(std::int64_t v) const { return std::to_string(v); }
    std::optional<std::string> operator()(double v) const {
      char buffer[32];
      auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
      return std::string(buffer, end);
    }
    std::optional<std::string> operator()(const std::string& v) const { return v; }
    std::optional<std::string> operator()(const sql::Blob& v) const {
      return "\\x" + bytes_to_hex(v.bytes);
    }
    std::optional<std::string> operator()(const sql::IdList& v) const {
      std::string text = "{";
      for (std::size_t i = 0; i < v.ids.size(); ++i) {
        if (i > 0) text += ',';
        text += std::to_string(v.ids[i]);
      }
      return text + "}";
    }
  };
  return std::visit(Encoder{}, value);
}

}  // namespace

const sql::Dialect& postgres_dialect() {
  static const sql::Dialect dialect{
      .polish_collation = "\"pl-PL-x-icu\"",
      .byte_collation = "\"C\"",
      // A concurrent writer of the row waits for this transaction to commit.
      .lock_for_share = " FOR SHARE",
      .in_ids =
          [](std::string_view column, int parameter) {
            return std::string(column) + " = ANY(CAST($" + std::to_string(parameter) +
                   " AS BIGINT[]))";
          },
      .new_id =
          [](std::string_view table, int parameter) {
            return "COALESCE($" + std::to_string(parameter) + ", nextval(pg_get_serial_sequence('" +
                   std::string(table) + "', 'id')))";
          },
      // setval(…, max) makes the next nextval max + 1; with an empty table the sequence stays.
      .after_explicit_ids =
          [](std::string_view table) {
            return "SELECT setval(pg_get_serial_sequence('" + std::string(table) +
                   "', 'id'), m) FROM (SELECT MAX(id) AS m FROM " + std::string(table) +
                   ") t WHERE m IS NOT NULL";
          },
      // Rows another claimer holds are passed over, not waited for.
      .lock_skip_locked = " FOR UPDATE SKIP LOCKED",
  };
  return dialect;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& url) {
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &parse_error);
  if (!options) {
    std::string message = parse_error ? parse_error : "out of memory";
    PQfreemem(parse_error);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return fail(ErrorKind::invalid_input, "invalid PostgreSQL URL: " + message);
  }
  PQconninfoFree(options);

  // Defaults first: settings in the URL (expanded from dbname) override them. Keepalives notice
  // a server host that vanished from the network within about 20 s instead of hours while a
  // connection is idle, the TCP user timeout within 10 s while a statement is being sent.
  const char* keywords[] = {
      "connect_timeout",  "application_name", "keepalives_idle", "keepalives_interval",
      "keepalives_count", "tcp_user_timeout", "dbname",          nullptr};
  const char* values[] = {"3", "bdp", "10", "5", "2", "10000", url.c_str(), nullptr};
  std::unique_ptr<PGconn, Deleter> conn(PQconnectdbParams(keywords, values, 1));
  if (!conn) return fail(ErrorKind::unavailable, "database unavailable: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return std::unexpected(error_of(conn.get(), nullptr));
  }
  PQsetNoticeReceiver(conn.get(), log_warnings, nullptr);
  return std::unique_ptr<Connection>(new Connection(std::move(conn)));
}

bool Connection::idle() const {
  return PQstatus(conn_.get()) == CONNECTION_OK && PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
}

Status Connection::reconnect() {
  prepared_.clear();
  PQreset(conn_.get());
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    return std::unexpected(error_of(conn_.get(), nullptr));
  }
  return {};
}

Status Connection::execute_script(std::string_view script) {
  fresh_ = false;
  ResultHandle result(PQexec(conn_.get(), std::string(script).c_str()));
  auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return std::unexpected(error_of(conn_.get(), result.get()));
  }
  return {};
}

Result<sql::Rows> Connection::exec(std::string_view sql, std::span<const sql::Value> params) {
  bool retry_allowed = fresh_;
  fresh_ = false;
  auto result = run_prepared(sql, params);
  if (result || !retry_allowed || PQstatus(conn_.get()) != CONNECTION_BAD) return result;
  if (auto reconnected = reconnect(); !reconnected) return std::unexpected(reconnected.error());
  return run_prepared(sql, params);
}

Result<sql::Rows> Connection::run_prepared(std::string_view sql,
                                           std::span<const sql::Value> params) {
  PGconn* conn = conn_.get();
  auto found = prepared_.find(std::string(sql));
  if (found == prepared_.end()) {
    std::string name = "bdp_" + std::to_string(prepared_.size() + 1);
    ResultHandle prepared(PQprepare(conn, name.c_str(), std::string(sql).c_str(), 0, nullptr));
    if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      return std::unexpected(error_of(conn, prepared.get()));
    }
    found = prepared_.emplace(std::string(sql), std::move(name)).first;
  }
  std::vector<std::optional<std::string>> texts;
  texts.reserve(params.size());
  for (const auto& p : params) texts.push_back(text_of(p));
  std::vector<const char*> values;
  values.reserve(texts.size());
  for (const auto& t : texts) values.push_back(t ? t->c_str() : nullptr);
  ResultHandle result(PQexecPrepared(conn, found->second.c_str(), static_cast<int>(values.size()),
                                     values.data(), nullptr, nullptr, 0));
  auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return std::unexpected(error_of(conn, result.get()));
  }
  return to_rows(result.get());
}

}  // namespace bdp::pg
