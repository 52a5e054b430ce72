// End to end: `bdp migrate-db` copies a SQLite database to every engine and verifies the copy
// (counts and checksum), refuses a target that holds data, and the exports of both sides match.
#include <gtest/gtest.h>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

class Migrate : public ::testing::TestWithParam<std::string> {};

TEST_P(Migrate, CopiesTheWholeDatabaseAndVerifiesIt) {
  TestDatabase source("sqlite"), target(GetParam());
  { BdpServer server(source, {"--no-access-log"}); }  // the demo data
  // The form other tools write: sqlite:///absolute/path.
  const std::string from = "sqlite://" + (source.dir() / "bdp.db").string();
  auto [code, out] = run_bdp({"migrate-db", "--from", from, "--to", target.url()}, target.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("2 practices"), std::string::npos) << out;
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
