// Smoke tests of the `bdp` command line: --version, and --help of every subcommand. The
// subcommands are read from the binary's own --help, so a new one is tested without a test edit.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

// The names listed under "Subcommands:" in CLI11's help text, in order.
std::vector<std::string> listed_subcommands(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream in(help);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "Subcommands:") {
      inside = true;
    } else if (inside && line.starts_with("  ")) {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else if (inside) {
      break;
    }
  }
  return names;
}

// Every command path below `parent` ({"editor", "add"}, ...), depth first, each checked to
// answer --help with exit code 0 and a usage line naming it.
void check_help_below(const std::vector<std::string>& parent, const std::string& parent_help,
                      const TestDatabase& scratch, int& checked) {
  for (const auto& name : listed_subcommands(parent_help)) {
    std::vector<std::string> path = parent;
    path.push_back(name);
    std::string joined;
    for (const auto& word : path) joined += " " + word;
    SCOPED_TRACE("bdp" + joined + " --help");

    std::vector<std::string> args = path;
    args.push_back("--help");
    const auto [code, out] = run_bdp(args, scratch.dir());
    EXPECT_EQ(code, 0) << out;
    const std::string usage = "Usage: " + std::string(BDP_BINARY) + joined + " ";
    EXPECT_NE(out.find("\n" + usage), std::string::npos)
        << "no line starting with " << usage << " in:\n"
        << out;
    ++checked;
    check_help_below(path, out, scratch, checked);
  }
}

TEST(Cli, VersionPrintsTheProjectVersion) {
  TestDatabase scratch("sqlite");
  const auto [code, out] = run_bdp({"--version"}, scratch.dir());
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out, "bdp " BDP_VERSION "\n");
}

TEST(Cli, HelpListsTheSubcommands) {
  TestDatabase scratch("sqlite");
  const auto [code, out] = run_bdp({"--help"}, scratch.dir());
  EXPECT_EQ(code, 0);
  const auto names = listed_subcommands(out);
  // The reader of the list works: the first and the last command of `bdp --help` are found.
  ASSERT_FALSE(names.empty()) << out;
  EXPECT_EQ(names.front(), "serve");
  EXPECT_EQ(names.back(), "editor");
}

TEST(Cli, EverySubcommandAnswersHelp) {
  TestDatabase scratch("sqlite");
  const auto [code, help] = run_bdp({"--help"}, scratch.dir());
  ASSERT_EQ(code, 0);
  int checked = 0;
  check_help_below({}, help, scratch, checked);
  // serve import export import-legacy reindex migrate-db backup restore editor, and editor's
  // add list disable: at least these; more when a command is added.
  EXPECT_GE(checked, 12);
}

}  // namespace
}  // namespace bdp::testing
