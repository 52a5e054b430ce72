// open_store: the URL picks the engine.
#include <gtest/gtest.h>

#include <filesystem>

#include "engines.h"

namespace bdp::testing {
namespace {

class OpenStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = make_temp_dir();
    ASSERT_TRUE(dir);
    dir_ = *dir;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(OpenStoreTest, SqlitePrefixAndBarePathBothOpenAFile) {
  for (const std::string& url :
       {"sqlite:" + (dir_ / "a.sqlite").string(), (dir_ / "b.sqlite").string()}) {
    auto store = open_store(url);
    ASSERT_TRUE(store) << url << ": " << store.error().message;
    ASSERT_TRUE((*store)->migrate());
    EXPECT_EQ((*store)->empty(), true);
  }
  EXPECT_TRUE(std::filesystem::exists(dir_ / "a.sqlite"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "b.sqlite"));
}

TEST_F(OpenStoreTest, ReopenedFileKeepsItsData) {
  std::string url = "sqlite:" + (dir_ / "c.sqlite").string();
  {
    auto store = open_store(url);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->migrate());
    ASSERT_TRUE((*store)->set_visitor_base(41));
    ASSERT_TRUE((*store)->record_visits("2026-01-01", {"x"}));
  }
  auto store = open_store(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->migrate());
  EXPECT_EQ((*store)->visitor_totals()->total, 42);
}

TEST_F(OpenStoreTest, EmptyPathIsInvalidAndAMissingDirectoryUnavailable) {
  EXPECT_EQ(open_store("sqlite:").error().kind, ErrorKind::invalid_input);
  auto missing = open_store("sqlite:" + (dir_ / "no" / "such" / "dir.sqlite").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::unavailable);
}

TEST_F(OpenStoreTest, PostgresUrlGoesToPostgres) {
  // Port 1 on loopback: nothing listens, so the PostgreSQL engine must answer "unavailable".
  auto store = open_store("postgresql://bdp@127.0.0.1:1/bdp?connect_timeout=2");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::unavailable) << store.error().message;
}

}  // namespace
}  // namespace bdp::testing
