// The history is append-only on every engine, whatever client writes to the database: the
// triggers refuse an UPDATE of a practice's revisions or their fields, and an UPDATE or DELETE
// of the audit log, so not even SQL typed by hand can rewrite who changed what.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "editor_client.h"

namespace bdp::testing {
namespace {

// What a statement run by another client gave: the engine's error ("" when it succeeded) and
// the first column of its first row ("" when none).
struct Outcome {
  std::string error;
  std::string value;
};

Outcome run_sql(const TestDatabase& db, const std::string& engine, const char* sql) {
  Outcome out;
  if (engine == "sqlite") {
    sqlite3* handle = nullptr;
    if (sqlite3_open((db.dir() / "bdp.db").c_str(), &handle) != SQLITE_OK) {
      sqlite3_close(handle);
      return {"cannot open", ""};
    }
    char* message = nullptr;
    const int rc = sqlite3_exec(
        handle, sql,
        [](void* o, int, char** values, char**) {
          auto& first = static_cast<Outcome*>(o)->value;
          if (first.empty() && values[0]) first = values[0];
          return 0;
        },
        &out, &message);
    if (rc != SQLITE_OK) out.error = message ? message : "error";
    sqlite3_free(message);
    sqlite3_close(handle);
    return out;
  }
  PGconn* conn = PQconnectdb(db.url().c_str());
  PGresult* r = PQexec(conn, sql);
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) out.error = PQresultErrorMessage(r);
  if (status == PGRES_TUPLES_OK && PQntuples(r) > 0) out.value = PQgetvalue(r, 0, 0);
  PQclear(r);
  PQfinish(conn);
  return out;
}

class ImmutableHistory : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Engines, ImmutableHistory, ::testing::ValuesIn(test_engines()));

TEST_P(ImmutableHistory, RevisionsAndTheAuditLogRefuseToBeRewritten) {
  TestDatabase db(GetParam());
  { BdpServer seed(db, {"--no-access-log"}); }  // the demo data: each practice its revision 1
  add_editor(db, "redaktor@bdp.pl", "Redaktor");
  auto [code, out] = run_bdp({"editor", "role", "--database", db.url(), "--email",
                              "redaktor@bdp.pl", "--role", "reviewer"},
                             db.dir());
  ASSERT_EQ(code, 0) << out;  // an audit entry
  // The tables hold rows, so a refusal is the trigger's, not an empty table's.
  for (const char* count :
       {"SELECT COUNT(*) > 0 FROM practice_revisions", "SELECT COUNT(*) > 0 FROM revision_fields",
        "SELECT COUNT(*) > 0 FROM audit_log"}) {
    const auto rows = run_sql(db, GetParam(), count);
    ASSERT_EQ(rows.error, "") << count;
    EXPECT_TRUE(rows.value == "1" || rows.value == "t") << count << ": " << rows.value;
  }
  for (const char* sql : {"UPDATE practice_revisions SET reason = 'przepisane'",
                          "UPDATE revision_fields SET value = 'przepisane'",
                          "UPDATE audit_log SET detail = 'przepisane'", "DELETE FROM audit_log"}) {
    EXPECT_NE(run_sql(db, GetParam(), sql).error, "") << sql << " was allowed";
  }
  EXPECT_NE(run_sql(db, GetParam(), "UPDATE practice_revisions SET reason = 'x'")
                .error.find("revisions are immutable"),
            std::string::npos);
  EXPECT_EQ(run_sql(db, GetParam(),
                    "SELECT COUNT(*) FROM practice_revisions WHERE reason = "
                    "'przepisane'")
                .value,
            "0");
}

}  // namespace
}  // namespace bdp::testing
