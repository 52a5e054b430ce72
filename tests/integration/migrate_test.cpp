// End to end: `bdp migrate-db` copies a SQLite database to every engine and verifies the copy
// (counts and checksums), refuses a target that holds data, and the exports of both sides match;
// editors can log in and the visitor total goes on after switching engines in either direction.
#include <gtest/gtest.h>

#include "bdp_process.h"
#include "editor_client.h"

namespace bdp::testing {
namespace {

class Migrate : public ::testing::TestWithParam<std::string> {
 protected:
  // The engine a database of `engine` is migrated to: the other one when PostgreSQL runs.
  static std::string other_engine(const std::string& engine) {
    for (const auto& e : test_engines()) {
      if (e != engine) return e;
    }
    return engine;
  }
  // The visitor total `server` shows to the visitor with this User-Agent (counted too), or -1.
  static long long visitor_total(const BdpServer& server, const std::string& visitor) {
    return shown_visitor_total(server, as_visitor(visitor));
  }
};

TEST_P(Migrate, CopiesTheWholeDatabaseAndVerifiesIt) {
  TestDatabase source("sqlite"), target(GetParam());
  { BdpServer server(source, {"--no-access-log"}); }  // the demo data
  // The form other tools write: sqlite:///absolute/path.
  const std::string from = "sqlite://" + (source.dir() / "bdp.db").string();
  auto [code, out] = run_bdp({"migrate-db", "--from", from, "--to", target.url()}, target.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("2 practices, 6 links"), std::string::npos) << out;  // data/demo.json
  EXPECT_NE(out.find("verified"), std::string::npos) << out;
  const auto checksum = out.find("blake2b-256:");
  ASSERT_NE(checksum, std::string::npos) << out;
  EXPECT_NE(out.find(out.substr(checksum, 76), checksum + 1), std::string::npos)
      << "source and target print the same checksum:\n"
      << out;

  const auto a = source.dir() / "a.json", b = target.dir() / "b.json";
  std::tie(code, out) = run_bdp({"export", "--database", from, "-o", a.string()}, source.dir());
  ASSERT_EQ(code, 0) << out;
  std::tie(code, out) =
      run_bdp({"export", "--database", target.url(), "-o", b.string()}, target.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(read_file(a), read_file(b));
}

TEST_P(Migrate, EditorsAndTheVisitorTotalSurviveTheSwitch) {
  TestDatabase source(GetParam()), target(other_engine(GetParam()));
  long long total = -1;
  {
    BdpServer server(source, {"--no-access-log"});
    total = visitor_total(server, "returning-visitor");
    ASSERT_GT(total, 0);
  }
  add_editor(source, "anna.kowalska@gmina.pl", "Anna Kowalska");
  auto [code, out] =
      run_bdp({"migrate-db", "--from", source.url(), "--to", target.url()}, target.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("1 editors, 1 visitor-days (counter total " + std::to_string(total) + ")"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("sessions are not copied"), std::string::npos) << out;
  EXPECT_EQ(out.find("$argon2id"), std::string::npos) << "password hashes are never printed";

  BdpServer server(target, {"--no-access-log"});
  EXPECT_EQ(visitor_total(server, "returning-visitor"), total) << "counted once today, already";
  EXPECT_EQ(visitor_total(server, "new-visitor"), total + 1);
  auto login = log_in(server, "anna.kowalska@gmina.pl");
  EXPECT_EQ(login.status, 303) << login.body;
  EXPECT_FALSE(set_cookie_value(login, "bdp_session").empty());
}

TEST_P(Migrate, ATargetWithOnlyEditorsIsRefused) {
  TestDatabase source("sqlite"), target(GetParam());
  add_editor(target, "stary@gmina.pl", "Stary Redaktor");
  auto [code, out] =
      run_bdp({"migrate-db", "--from", source.url(), "--to", target.url()}, target.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("already holds data"), std::string::npos) << out;
}

TEST_P(Migrate, RefusesATargetThatHoldsData) {
  TestDatabase source("sqlite"), target(GetParam());
  { BdpServer server(source, {"--no-access-log"}); }
  { BdpServer server(target, {"--no-access-log"}); }
  auto [code, out] =
      run_bdp({"migrate-db", "--from", source.url(), "--to", target.url()}, target.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("already holds data"), std::string::npos) << out;
  // Forced over the same records: an upsert by id, and the copy still verifies.
  std::tie(code, out) = run_bdp(
      {"migrate-db", "--from", source.url(), "--to", target.url(), "--force"}, target.dir());
  EXPECT_EQ(code, 0) << out;
}

TEST_P(Migrate, AForcedCopyOverOtherRecordsFailsVerification) {
  TestDatabase source("sqlite"), target(GetParam());
  { BdpServer server(source, {"--no-access-log"}); }
  const auto extra = target.dir() / "extra.json";
  std::ofstream(extra) << R"({"format":"bdp","version":1,"sections":[],"practices":[],
    "units":[{"id":900,"slug":"inna","name":"Gmina Inna","type":"gmina wiejska"}]})";
  auto [code, out] = run_bdp({"import", "--database", target.url(), extra.string()}, target.dir());
  ASSERT_EQ(code, 0) << out;
  std::tie(code, out) = run_bdp(
      {"migrate-db", "--from", source.url(), "--to", target.url(), "--force"}, target.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("differs"), std::string::npos) << out;
}

TEST(MigrateDb, AnUnreachableTargetFailsWithoutTouchingTheSource) {
  TestDatabase source("sqlite");
  { BdpServer server(source, {"--no-access-log"}); }
  auto [code, out] = run_bdp({"migrate-db", "--from", source.url(), "--to",
                              "postgresql://bdp@127.0.0.1:1/bdp?connect_timeout=2"},
                             source.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("cannot open database"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Engines, Migrate, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
