// A real SQLite store in a fresh temporary folder, removed with the object; also the place
// where tests put page files to import.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "../legacy/fixture.h"
#include "store/store.h"

namespace bdp::legacy::test {

class TempStore {
 public:
  TempStore() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bdp-legacy-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    std::filesystem::create_directory(dir_ / "pages");
    auto store = open_store("sqlite:" + (dir_ / "bdp.sqlite").string());
    if (!store) throw std::runtime_error(store.error().message);
    store_ = std::move(*store);
    if (auto status = store_->migrate(); !status) throw std::runtime_error(status.error().message);
  }
  ~TempStore() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  Store& store() { return *store_; }
  std::string pages() const { return (dir_ / "pages").string(); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Copies fixture `name` into pages/ as `as` (default: the same name); returns its path.
  std::string add_page(const std::string& name, std::string as = "") {
    return write_page(as.empty() ? name : as, read_fixture(name));
  }
  std::string write_page(const std::string& as, const std::string& bytes) {
    const auto target = dir_ / "pages" / as;
    std::ofstream(target, std::ios::binary) << bytes;
    return target.string();
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace bdp::legacy::test
