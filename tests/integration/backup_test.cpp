// End to end: `bdp backup` while the portal serves, `bdp restore` into a fresh database, and the
// JSON export before and after is the same, and so are the editors and the visitor counter; a
// file that is not a backup is refused and changes nothing. On every engine (SQLite: online backup
// API; PostgreSQL: pg_dump / pg_restore).
#include <gtest/gtest.h>

#include <algorithm>

#include "bdp_process.h"
#include "editor_client.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

// A database of its own on the test PostgreSQL server (a restore from pg_dump recreates the
// schemas it saved, so it needs a database rather than a scratch schema); dropped at the end.
class FreshPostgresDatabase {
 public:
  // `like`: the scratch-schema URL whose search_path option the new URL keeps.
  explicit FreshPostgresDatabase(const std::string& like) {
    const std::string base = std::getenv("BDP_TEST_POSTGRES_URL");
    name_ = "bdp_restore_" + std::to_string(getpid());
    admin_ = base;
    const auto slash = base.rfind('/');
    url_ = base.substr(0, slash + 1) + name_ + like.substr(like.find('?'));
    tool("createdb");
  }
  ~FreshPostgresDatabase() { tool("dropdb"); }
  const std::string& url() const { return url_; }

 private:
  void tool(const std::string& name) {
    const std::string command = std::string(std::getenv("BDP_TEST_POSTGRES_BIN")) + "/" + name +
                                " '--maintenance-db=" + admin_ + "' " + name_;
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
  std::string admin_, name_, url_;
};

class Backup : public ::testing::TestWithParam<std::string> {
 protected:
  std::string export_of(const std::string& url, const TestDatabase& db, const std::string& name) {
    const auto file = db.dir() / name;
    auto [code, out] = run_bdp({"export", "--database", url, "-o", file.string()}, db.dir());
    EXPECT_EQ(code, 0) << out;
    return read_file(file);
  }
  // What `bdp migrate-db` prints of the database at `url` (counts and the checksums of the
  // content and of the editors and visitor counter), copying it into a new file named `name`.
  std::string fingerprint_of(const std::string& url, const TestDatabase& db,
                             const std::string& name) {
    const std::string copy = "sqlite:" + (db.dir() / name).string();
    auto [code, out] = run_bdp({"migrate-db", "--from", url, "--to", copy}, db.dir());
    EXPECT_EQ(code, 0) << out;
    const auto start = out.find(url + ": ");
    if (start == std::string::npos) return out;
    return out.substr(start + url.size() + 2, out.find('\n', start) - start - url.size() - 2);
  }
};

TEST_P(Backup, RestoreIntoAFreshDatabaseGivesTheSameExport) {
  TestDatabase db(GetParam());
  const auto file = (db.dir() / "bdp.backup").string();
  std::string before, whole_before;
  {
    BdpServer server(db, {"--no-access-log"});  // fills the demo data; keeps serving meanwhile
    before = export_of(db.url(), db, "before.json");
    ASSERT_EQ(server.get("/", as_visitor("visitor"))->status, 200);  // counted
    add_editor(db, "anna.kowalska@gmina.pl", "Anna Kowalska");
    // The counter writes its new visitors in batches, at least every 200 ms: wait for this one.
    for (int i = 0; i < 50; ++i) {
      whole_before = fingerprint_of(db.url(), db, "before-" + std::to_string(i) + ".db");
      if (whole_before.find("1 visitor-days") != std::string::npos) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto [code, out] = run_bdp({"backup", "--database", db.url(), "-o", file}, db.dir());
    ASSERT_EQ(code, 0) << out;
    EXPECT_EQ(server.get("/")->status, 200);
  }
  ASSERT_NE(before.find("Maria Świdurska"), std::string::npos);
  std::optional<FreshPostgresDatabase> fresh_postgres;
  std::string fresh = "sqlite://" + (db.dir() / "restored.db").string();
  if (GetParam() == "postgres") fresh = fresh_postgres.emplace(db.url()).url();
  auto [code, out] = run_bdp({"restore", "--database", fresh, file}, db.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(export_of(fresh, db, "after.json"), before);
  EXPECT_NE(whole_before.find("1 editors, 1 visitor-days"), std::string::npos) << whole_before;
  EXPECT_EQ(fingerprint_of(fresh, db, "after.db"), whole_before);
}

// A document's file is in the database: a backup carries it and a restore gives it back, every
// stored file checked against its sha256 on both sides.
TEST_P(Backup, StoredFilesComeBackFromARestoreVerified) {
  TestDatabase db(GetParam());
  const auto file = (db.dir() / "bdp.backup").string();
  std::string bytes(3 * kFileChunkBytes + 17, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 131 % 251);
  std::string sha;
  {
    BdpServer server(db, {"--no-access-log"});  // creates the schema
    auto store = open_store(db.url());
    ASSERT_TRUE(store) << store.error().message;
    Document d;
    d.title = "Raport";
    const AuditEntry audit{0, 1'800'000'000, std::nullopt, "cli", "document:create", "", ""};
    auto id = (*store)->documents().save_document(d, audit);
    ASSERT_TRUE(id) << id.error().message;
    struct Source final : ByteSource {
      const std::string& bytes;
      std::size_t at = 0;
      explicit Source(const std::string& b) : bytes(b) {}
      Result<std::size_t> read(char* into, std::size_t capacity) override {
        const std::size_t n = std::min(capacity, bytes.size() - at);
        std::copy_n(bytes.data() + at, n, into);
        at += n;
        return n;
      }
    } source(bytes);
    auto version = (*store)->documents().add_version({*id, "r.pdf", "pdf", 1'800'000'000, "cli"},
                                                     source, audit);
    ASSERT_TRUE(version) << version.error().message;
    sha = version->sha256;
    auto [code, out] = run_bdp({"backup", "--database", db.url(), "-o", file}, db.dir());
    ASSERT_EQ(code, 0) << out;
  }
  std::optional<FreshPostgresDatabase> fresh_postgres;
  std::string fresh = "sqlite://" + (db.dir() / "restored.db").string();
  if (GetParam() == "postgres") fresh = fresh_postgres.emplace(db.url()).url();
  auto [code, out] = run_bdp({"restore", "--database", fresh, file}, db.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("stored files verified against their sha256"), std::string::npos) << out;
  auto restored = open_store(fresh);
  ASSERT_TRUE(restored) << restored.error().message;
  auto back = (*restored)->documents().file_bytes(sha, 0, static_cast<std::int64_t>(bytes.size()));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(*back == bytes);
}

TEST_P(Backup, AFileThatIsNotABackupIsRefusedAndTheDatabaseKept) {
  TestDatabase db(GetParam());
  { BdpServer server(db, {"--no-access-log"}); }
  const std::string before = export_of(db.url(), db, "before.json");
  const auto junk = db.dir() / "junk.backup";
  std::ofstream(junk) << "SELECT 1; -- not a backup\n";
  auto [code, out] = run_bdp({"restore", "--database", db.url(), junk.string()}, db.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("not a"), std::string::npos) << out;
  EXPECT_EQ(export_of(db.url(), db, "after.json"), before);
}

TEST_P(Backup, ABackupIntoAMissingFolderFailsAndSaysWhy) {
  TestDatabase db(GetParam());
  { BdpServer server(db, {"--no-access-log"}); }
  const auto file = db.dir() / "no-such-folder" / "bdp.backup";
  auto [code, out] = run_bdp({"backup", "--database", db.url(), "-o", file.string()}, db.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("bdp backup:"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(file));
}

INSTANTIATE_TEST_SUITE_P(Engines, Backup, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
