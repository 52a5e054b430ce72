#include "store/postgres/connection.h"

#include <spdlog/spdlog.h>

#include <string_view>

namespace bdp::pg {

Param id_array(const std::vector<std::int64_t>& ids) {
  std::string text = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) text += ',';
    text += *param(ids[i]);
  }
  return text + "}";
}

namespace {

// Server notices (e.g. "drop cascades to …") are chatter; warnings go to the log.
void log_warnings(void*, const PGresult* notice) {
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity && std::string_view(severity) == "WARNING") {
    spdlog::warn("postgresql: {}", PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY));
  }
}

}  // namespace

Param text_array(const std::vector<std::string>& texts) {
  // Array literal syntax: each element in double quotes, a double quote or backslash in it escaped
  // by a backslash.
  std::string literal = "{";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) literal += ',';
    literal += '"';
    for (char ch : texts[i]) {
      if (ch == '"' || ch == '\\') literal += '\\';
      literal += ch;
    }
    literal += '"';
  }
  return literal + "}";
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

Status Connection::execute_script(const std::string& sql) {
  fresh_ = false;
  ResultHandle result(PQexec(conn_.get(), sql.c_str()));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return std::unexpected(error_of(conn_.get(), result.get()));
  }
  return {};
}

Result<PgResult> Connection::exec(const std::string& sql, const std::vector<Param>& params) {
  bool retry_allowed = fresh_;
  fresh_ = false;
  auto result = run(sql, params);
  if (result || !retry_allowed || PQstatus(conn_.get()) != CONNECTION_BAD) return result;
  if (auto reconnected = reconnect(); !reconnected) return std::unexpected(reconnected.error());
  return run(sql, params);
}

Result<PgResult> Connection::run(const std::string& sql, const std::vector<Param>& params) {
  PGconn* conn = conn_.get();
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    std::string name = "bdp_" + std::to_string(prepared_.size() + 1);
    ResultHandle prepared(PQprepare(conn, name.c_str(), sql.c_str(), 0, nullptr));
    if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      return std::unexpected(error_of(conn, prepared.get()));
    }
    found = prepared_.emplace(sql, std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  ResultHandle result(PQexecPrepared(conn, found->second.c_str(), static_cast<int>(values.size()),
                                     values.data(), nullptr, nullptr, 0));
  auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return std::unexpected(error_of(conn, result.get()));
  }
  return PgResult(std::move(result));
}

}  // namespace bdp::pg
