// Helpers shared by the search tests: one Hunspell load per test binary, and temporary index
// directories removed at the end of each test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>

#include "search/lemmatizer.h"

namespace bdp::search::testing {

inline std::shared_ptr<Lemmatizer> shared_lemmatizer() {
  static std::shared_ptr<Lemmatizer> instance = [] {
    auto opened = Lemmatizer::open();
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().message);
    return opened ? *opened : nullptr;
  }();
  return instance;
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("bdp-search-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace bdp::search::testing
