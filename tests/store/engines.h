// The store engines the store tests run against, each giving every test a fresh, empty database:
// SQLite (a file in a new temporary directory) always, PostgreSQL when BDP_TEST_POSTGRES_URL is
// set. The PostgreSQL module provides tests/store/postgres_engine.h, defining
// `Engine postgres_engine(const std::string& url)` (a fresh schema or database per open()).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace bdp::testing {

// An open, not yet migrated store; `cleanup` runs after the store is closed.
struct TestStore {
  std::unique_ptr<Store> store;
  std::string url;  // the database, for open_store(): a second Store on it is another node
  std::function<void()> cleanup;
  TestStore() = default;
  TestStore(const TestStore&) = delete;
  TestStore& operator=(const TestStore&) = delete;
  ~TestStore() {
    store.reset();
    if (cleanup) cleanup();
  }
};

struct Engine {
  std::string name;  // a test-name suffix: letters and digits only
  std::function<Result<std::unique_ptr<TestStore>>()> open;
};

// A new directory under the system temp dir; the caller removes it.
inline Result<std::filesystem::path> make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "bdp-store-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return fail(ErrorKind::unavailable, "mkdtemp failed");
  return std::filesystem::path(pattern);
}

inline Engine sqlite_engine() {
  return Engine{"sqlite", []() -> Result<std::unique_ptr<TestStore>> {
                  auto dir = make_temp_dir();
                  if (!dir) return std::unexpected(dir.error());
                  auto test = std::make_unique<TestStore>();
                  test->cleanup = [dir = *dir] { std::filesystem::remove_all(dir); };
                  test->url = "sqlite:" + (*dir / "bdp.sqlite").string();
                  auto store = open_sqlite_store((*dir / "bdp.sqlite").string());
                  if (!store) return std::unexpected(store.error());
                  test->store = std::move(*store);
                  return test;
                }};
}

}  // namespace bdp::testing

#if __has_include("postgres_engine.h")
#include "postgres_engine.h"
#define BDP_HAVE_POSTGRES_ENGINE 1
#endif

namespace bdp::testing {

inline std::vector<Engine> engines() {
  std::vector<Engine> list = {sqlite_engine()};
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  if (url && *url) {
#ifdef BDP_HAVE_POSTGRES_ENGINE
    list.push_back(postgres_engine(url));
#else
    // Asked for PostgreSQL but cannot isolate tests there: fail every test rather than skip.
    list.push_back(Engine{"postgres", []() -> Result<std::unique_ptr<TestStore>> {
                            return fail(ErrorKind::internal,
                                        "BDP_TEST_POSTGRES_URL is set but "
                                        "tests/store/postgres_engine.h does not exist");
                          }});
#endif
  }
  return list;
}

// The engine another store of a copy is opened on: another engine than `source`'s when there is
// one (SQLite into PostgreSQL and back), the same otherwise.
inline Engine other_engine(const Engine& source) {
  for (auto& engine : engines()) {
    if (engine.name != source.name) return engine;
  }
  return source;
}

// Base fixture: a fresh migrated store of the engine under test.
class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    auto opened = GetParam().open();
    ASSERT_TRUE(opened) << opened.error().message;
    test_ = std::move(*opened);
    auto migrated = test_->store->migrate();
    ASSERT_TRUE(migrated) << migrated.error().message;
  }
  Store& store() { return *test_->store; }
  // A second fresh migrated store, on other_engine(GetParam()) (what a copy is loaded into).
  Store& target() {
    if (!target_) {
      auto opened = other_engine(GetParam()).open();
      EXPECT_TRUE(opened) << opened.error().message;
      target_ = std::move(opened.value());
      auto migrated = target_->store->migrate();
      EXPECT_TRUE(migrated) << migrated.error().message;
    }
    return *target_->store;
  }
  // The URL of this test's database (to open another Store on it, as another node would).
  const std::string& database_url() const { return test_->url; }

 private:
  std::unique_ptr<TestStore> test_;
  std::unique_ptr<TestStore> target_;
};

}  // namespace bdp::testing

// Runs every TEST_P of `fixture` (a StoreTest subclass) once per engine.
#define BDP_STORE_TEST_ON_ALL_ENGINES(fixture)                                               \
  INSTANTIATE_TEST_SUITE_P(Engines, fixture, ::testing::ValuesIn(::bdp::testing::engines()), \
                           [](const auto& info) { return info.param.name; })
