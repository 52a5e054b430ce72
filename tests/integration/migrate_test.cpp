// End to end: `bdp migrate-db` copies a SQLite database to every engine and verifies the copy
// (counts and checksums; the document library file by file), refuses a target that holds data,
// and the exports of both sides match; editors can log in and the visitor total goes on after
// switching engines in either direction.
#include <gtest/gtest.h>

#include <fstream>

#include "bdp_process.h"
#include "editor_client.h"
#include "store/byte_sources.h"
#include "store/store.h"

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

// The document library crosses engines with the rest: each file streamed and checked against
// its sha256 on arrival, each document with its versions and text, then compared on both sides.
TEST_P(Migrate, TheDocumentLibraryIsCopiedWithItsFilesVerified) {
  TestDatabase source("sqlite"), target(GetParam());
  { BdpServer server(source, {"--no-access-log"}); }  // the demo data
  std::string bytes(3 * kFileChunkBytes + 17, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 131 % 251);
  const auto file = source.dir() / "raport.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  std::int64_t id = 0;
  {
    auto store = open_store(source.url());
    ASSERT_TRUE(store) << store.error().message;
    Document d;
    d.title = "Raport z ewaluacji";
    d.practice_ids = {1};
    const AuditEntry audit{0, 1'800'000'000, std::nullopt, "cli", "document:create", "", ""};
    auto saved = (*store)->documents().save_document(d, audit);
    ASSERT_TRUE(saved) << saved.error().message;
    id = *saved;
    FileByteSource in(file);
    auto v = (*store)->documents().add_version({id, "raport.pdf", "pdf", 1'800'000'000, "cli"}, in,
                                               audit);
    ASSERT_TRUE(v) << v.error().message;
    ASSERT_TRUE((*store)->documents().set_text(v->id, "ok", {{1, "Strona pierwsza"}}, ""));
  }
  auto [code, out] =
      run_bdp({"migrate-db", "--from", source.url(), "--to", target.url()}, target.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("documents: 1 with 1 versions, 1 files (" + std::to_string(bytes.size()) +
                     " bytes) copied"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("so are the documents with their files"), std::string::npos) << out;

  auto copy = open_store(target.url());
  ASSERT_TRUE(copy) << copy.error().message;
  auto d = (*copy)->documents().document(id);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->practice_ids, std::vector<std::int64_t>{1});
  ASSERT_EQ(d->versions.size(), 1U);
  EXPECT_EQ(d->versions[0].text_status, "ok");
  auto back = (*copy)->documents().file_bytes(d->versions[0].sha256, 0,
                                              static_cast<std::int64_t>(bytes.size()));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(*back == bytes);

  // Into a library that holds documents: refused before anything is written, even forced.
  std::tie(code, out) = run_bdp(
      {"migrate-db", "--from", source.url(), "--to", target.url(), "--force"}, target.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("already holds documents of the library; nothing copied"), std::string::npos)
      << out;
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
