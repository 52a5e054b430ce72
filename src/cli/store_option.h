// The --database option shared by every subcommand that opens the store, and opening it
// (with migrations run) with an error message an operator can act on.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/store.h"

namespace bdp::cli {

inline constexpr const char* kDefaultDatabase = "sqlite:bdp.db";

void add_database_option(CLI::App& command, std::string& url);
// Opens and migrates the store; prints the error and returns null on failure.
std::unique_ptr<Store> open_migrated_store(const std::string& url);

}  // namespace bdp::cli
