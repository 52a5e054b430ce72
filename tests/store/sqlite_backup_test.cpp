// SQLite backup and restore with the online backup API: a backup taken while the store is open
// holds everything, a restore brings it back into another file, a file that is not a bdp
// database is refused without touching the target, and failures leave no partial file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engines.h"
#include "samples.h"
#include "store/database_url.h"
#include "store/sqlite/backup.h"
#include "store/sqlite/sqlite_store.h"

namespace bdp::testing {
namespace {

class SqliteBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = make_temp_dir();
    ASSERT_TRUE(dir);
    dir_ = *dir;
    store_ = open(path("live.db"));
    auto section = store_->save_section(sample_section("pomoc-spoleczna", "Pomoc społeczna"));
    auto unit = store_->save_unit(sample_unit());
    ASSERT_TRUE(section && unit);
    ASSERT_TRUE(store_->save_practice(sample_practice(*unit, {*section})));
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::unique_ptr<Store> open(const std::string& file) {
    auto store = open_sqlite_store(file);
    EXPECT_TRUE(store) << store.error().message;
    if (!store) return nullptr;
    EXPECT_TRUE((*store)->migrate());
    return std::move(*store);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteBackupTest, ABackupOfAnOpenStoreRestoresIntoAnotherFileWithEverything) {
  auto before = store_->dump();
  ASSERT_TRUE(before);
  auto backed_up = backup_sqlite(path("live.db"), path("copy.backup"));
  ASSERT_TRUE(backed_up) << backed_up.error().message;
  EXPECT_FALSE(std::filesystem::exists(path("copy.backup-wal")));      // one self-contained file
  ASSERT_TRUE(store_->delete_practice(before->practices.front().id));  // after the backup

  auto restored = restore_sqlite(path("copy.backup"), path("restored.db"));
  ASSERT_TRUE(restored) << restored.error().message;
  auto again = open(path("restored.db"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->dump(), *before);
}

TEST_F(SqliteBackupTest, RestoreReplacesTheContentsOfAnExistingDatabase) {
  ASSERT_TRUE(backup_sqlite(path("live.db"), path("copy.backup")));
  auto before = store_->dump();
  ASSERT_TRUE(before);
  auto other = open(path("other.db"));
  ASSERT_TRUE(other->save_unit(sample_unit("inna-gmina")));
  other.reset();
  ASSERT_TRUE(restore_sqlite(path("copy.backup"), path("other.db")));
  EXPECT_EQ(open(path("other.db"))->dump(), *before);
}

TEST_F(SqliteBackupTest, AFileThatIsNotABdpDatabaseIsRefusedAndTheTargetKept) {
  std::ofstream(path("junk.backup")) << "SELECT 1;\n";
  auto plain = open_sqlite_store(path("plain.db"));  // SQLite, but not migrated: not bdp's
  ASSERT_TRUE(plain);
  plain->reset();
  auto before = store_->dump();
  ASSERT_TRUE(before);
  for (const std::string bad : {"junk.backup", "plain.db", "missing.backup"}) {
    auto restored = restore_sqlite(path(bad), path("live.db"));
    ASSERT_FALSE(restored) << bad;
    EXPECT_EQ(restored.error().kind, ErrorKind::invalid_input) << restored.error().message;
  }
  EXPECT_EQ(store_->dump(), *before);
}

TEST_F(SqliteBackupTest, FailuresSayWhyAndLeaveNoPartialFile) {
  auto missing = backup_sqlite(path("no-such.db"), path("x.backup"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  auto unwritable = backup_sqlite(path("live.db"), path("no-such-dir/x.backup"));
  ASSERT_FALSE(unwritable);
  EXPECT_EQ(unwritable.error().kind, ErrorKind::unavailable) << unwritable.error().message;
  EXPECT_FALSE(std::filesystem::exists(path("no-such.db")));  // not created by the attempt
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".partial-"), std::string::npos) << entry.path();
  }
}

TEST(DatabaseUrl, NamesTheEngineAndWhere) {
  EXPECT_EQ(parse_database_url("sqlite:bdp.db")->location, "bdp.db");
  EXPECT_EQ(parse_database_url("sqlite://bdp.db")->location, "bdp.db");
  EXPECT_EQ(parse_database_url("sqlite:///tmp/x.db")->location, "/tmp/x.db");
  EXPECT_EQ(parse_database_url("/tmp/x.db")->engine, bdp::Engine::sqlite);
  EXPECT_EQ(parse_database_url("file:/tmp/x.db?vfs=unix")->location, "file:/tmp/x.db?vfs=unix");
  for (const std::string url : {"postgresql://bdp@h/bdp", "postgres://bdp@h/bdp"}) {
    EXPECT_EQ(parse_database_url(url)->engine, bdp::Engine::postgresql);
    EXPECT_EQ(parse_database_url(url)->location, url);
  }
  for (const std::string empty : {"", "sqlite:", "sqlite://"}) {
    ASSERT_FALSE(parse_database_url(empty)) << empty;
    EXPECT_EQ(parse_database_url(empty).error().kind, ErrorKind::invalid_input);
  }
}

}  // namespace
}  // namespace bdp::testing
