// End to end: `bdp import-legacy` into a fresh database, then the old portal's addresses on the
// running portal.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

class Legacy : public ::testing::TestWithParam<std::string> {
 protected:
  std::pair<int, std::string> import(const TestDatabase& db,
                                     const std::vector<std::string>& files) {
    std::vector<std::string> args = {"import-legacy", "--database", db.url()};
    for (const auto& f : files)
      args.push_back(std::string(BDP_SOURCE_DIR) + "/tests/legacy/fixtures/" + f);
    return run_bdp(args, db.dir());
  }
};

TEST_P(Legacy, ImportedPagesKeepTheirOldAddresses) {
  TestDatabase db(GetParam());
  auto [code, out] = import(db, {"seed0_art412_utf8.html", "seed2_art523_cp1250.html"});
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Imported 2"), std::string::npos) << out;
  EXPECT_NE(out.find("1 unit"), std::string::npos) << "both seeds are one unit (Śrem): " << out;
  BdpServer server(db, {"--no-access-log", "--no-demo"});
  auto summary = server.get("/index.php?p1=6&p2=1&art=412&s=1");
  ASSERT_EQ(summary->status, 301);
  const auto location = summary->header("location").value_or("");
  EXPECT_TRUE(location.starts_with("/praktyki/412-")) << location;
  auto full = server.get("/index.php?p1=6&p2=1&art=412&s=2");
  EXPECT_EQ(full->header("location"), location + "/pelna-prezentacja");
  auto page = server.get(location);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Ożywienie mechanizmów partnerstwa lokalnego"), std::string::npos);
  EXPECT_EQ(server.get("/index.php?art=999&s=1")->status, 404);
  EXPECT_EQ(server.get("/index.php?art=abc")->header("location"), "/");
  const auto section = server.get("/index.php?p1=6&p2=1")->header("location").value_or("");
  EXPECT_TRUE(section.starts_with("/dzialy/")) << "an old section address: " << section;
}

TEST_P(Legacy, ImportingTheSamePageAgainUpdatesAndNeverDuplicates) {
  TestDatabase db(GetParam());
  ASSERT_EQ(import(db, {"seed0_art412_utf8.html"}).first, 0);
  auto [code, out] = import(db, {"seed0_art412_utf8.html"});
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Imported 0, updated 1"), std::string::npos) << out;
  const auto exported = db.dir() / "e.json";
  ASSERT_EQ(run_bdp({"export", "--database", db.url(), "-o", exported.string()}, db.dir()).first,
            0);
  const auto json = read_file(exported);
  std::size_t titles = 0;
  for (auto at = json.find("\"title\": \"Ożywienie"); at != std::string::npos;
       at = json.find("\"title\": \"Ożywienie", at + 1)) {
    ++titles;
  }
  EXPECT_EQ(titles, 1u);
}

TEST_P(Legacy, ADryRunSaysPerPageWhichEncodingWasChosenAndWhy) {
  TestDatabase db(GetParam());
  const auto folder = db.dir() / "pages";
  std::filesystem::create_directories(folder);
  const std::string fixtures = std::string(BDP_SOURCE_DIR) + "/tests/legacy/fixtures/";
  std::filesystem::copy_file(fixtures + "seed2_art523_cp1250.html", folder / "a.html");
  std::filesystem::copy_file(fixtures + "000_1196ef917f521a9f.txt", folder / "b.txt");
  {
    // 0x81 and 0x98: unassigned in Windows-1250, control characters in ISO-8859-2.
    std::ofstream garbled(folder / "c.txt", std::ios::binary);
    garbled << "Pomoc spo\xB3\x65\x63zna \x81\x98\n";
  }
  auto [code, out] =
      run_bdp({"import-legacy", "--dry-run", "--database", db.url(), folder.string()}, db.dir());
  EXPECT_EQ(code, 1) << "a page could not be read: " << out;
  EXPECT_NE(out.find("encoding " + (folder / "a.html").string() +
                     ": windows-1250 (declared charset windows-1250)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("encoding " + (folder / "b.txt").string() + ": UTF-8 (valid UTF-8)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("skipped " + (folder / "c.txt").string() + ": read as windows-1250"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("not imported"), std::string::npos) << out;
}

TEST_P(Legacy, ABrokenPageIsReportedAndTheRestImports) {
  TestDatabase db(GetParam());
  const auto broken = db.dir() / "broken.html";
  std::ofstream(broken) << "<html><body><table><tr><td>\xff\xfe nic tu nie ma";
  auto [code, out] =
      run_bdp({"import-legacy", "--database", db.url(), broken.string(),
               std::string(BDP_SOURCE_DIR) + "/tests/legacy/fixtures/seed0_art412_utf8.html"},
              db.dir());
  EXPECT_EQ(code, 1) << "a skipped page makes the run fail";
  EXPECT_NE(out.find("Imported 1"), std::string::npos) << out;
  EXPECT_NE(out.find("broken.html"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Engines, Legacy, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
