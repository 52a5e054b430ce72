// Backup and restore of a PostgreSQL database with pg_dump / pg_restore: a restore brings back
// exactly what was backed up (records, change log, id sequences), and a file that is not a backup
// is refused without touching the database. Runs when BDP_TEST_POSTGRES_URL is set.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engines.h"
#include "samples.h"
#include "store/postgres/backup.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres/scratch_schema.h"

namespace bdp::testing {
namespace {

class PostgresBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
    if (!url || !*url) GTEST_SKIP() << "BDP_TEST_POSTGRES_URL is not set";
    auto schema = create_scratch_schema(url);
    ASSERT_TRUE(schema) << schema.error().message;
    schema_ = *schema;
    auto dir = make_temp_dir();
    ASSERT_TRUE(dir);
    dir_ = *dir;
    reopen();
    ASSERT_TRUE(store_->migrate());
  }
  void TearDown() override {
    store_.reset();
    if (!schema_.name.empty()) (void)drop_scratch_schema(schema_);
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  void reopen() {
    store_.reset();
    auto store = open_postgres_store(schema_.url);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }

  ScratchSchema schema_;
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(PostgresBackupTest, RestoreBringsBackRecordsChangeLogAndIdSequences) {
  auto section = store_->save_section(sample_section("pomoc-spoleczna", "Pomoc społeczna"));
  auto unit = store_->save_unit(sample_unit());
  ASSERT_TRUE(section && unit);
  auto practice = store_->save_practice(sample_practice(*unit, {*section}));
  ASSERT_TRUE(practice);
  auto before = store_->dump();
  auto seq = store_->last_change_seq();
  ASSERT_TRUE(before && seq);

  std::string file = (dir_ / "bdp.dump").string();
  auto backed_up = backup_postgres(schema_.url, file);
  ASSERT_TRUE(backed_up) << backed_up.error().message;
  ASSERT_TRUE(store_->delete_practice(*practice));
  ASSERT_TRUE(store_->save_unit(sample_unit("po-kopii")));

  store_.reset();  // app nodes are stopped for a restore
  auto restored = restore_postgres(schema_.url, file);
  ASSERT_TRUE(restored) << restored.error().message;
  reopen();
  auto after = store_->dump();
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(*after, *before);
  EXPECT_EQ(store_->last_change_seq(), *seq);
  auto next_unit = store_->save_unit(sample_unit("nowa"));
  ASSERT_TRUE(next_unit) << next_unit.error().message;
  EXPECT_GT(*next_unit, *unit);
}

TEST_F(PostgresBackupTest, AFileThatIsNotABackupIsRefusedAndChangesNothing) {
  ASSERT_TRUE(store_->save_unit(sample_unit()));
  std::string file = (dir_ / "not-a-backup.dump").string();
  std::ofstream(file) << "SELECT 1;\n";
  auto restored = restore_postgres(schema_.url, file);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().kind, ErrorKind::invalid_input) << restored.error().message;
  auto units = store_->units();
  ASSERT_TRUE(units);
  EXPECT_EQ(units->size(), 1u);
}

TEST_F(PostgresBackupTest, BackupToAnUnwritablePathIsUnavailable) {
  auto backed_up = backup_postgres(schema_.url, (dir_ / "no-such-dir" / "bdp.dump").string());
  ASSERT_FALSE(backed_up);
  EXPECT_EQ(backed_up.error().kind, ErrorKind::unavailable);
  EXPECT_NE(backed_up.error().message.find("pg_dump"), std::string::npos);
}

}  // namespace
}  // namespace bdp::testing
