// End to end: `bdp export` / `bdp import` round trip, and data written while the portal runs
// showing up on its pages (the page cache follows the change log).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

class Data : public ::testing::TestWithParam<std::string> {};

TEST_P(Data, ExportImportRoundTripLosesNothing) {
  TestDatabase first(GetParam()), second(GetParam());
  // `serve` fills the empty database with the demo data; stop it, then export.
  { BdpServer s(first, {"--no-access-log"}); }
  const auto exported = first.dir() / "export.json";
  auto [code, out] =
      run_bdp({"export", "--database", first.url(), "-o", exported.string()}, first.dir());
  ASSERT_EQ(code, 0) << out;
  const auto json = read_file(exported);
  EXPECT_NE(json.find("Maria Świdurska"), std::string::npos);
  std::tie(code, out) =
      run_bdp({"import", "--database", second.url(), exported.string()}, second.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("2 practices"), std::string::npos) << out;
  const auto again = second.dir() / "again.json";
  std::tie(code, out) =
      run_bdp({"export", "--database", second.url(), "-o", again.string()}, second.dir());
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(read_file(again), json);
}

TEST_P(Data, ImportOfABrokenFileSaysWhyAndWritesNothing) {
  TestDatabase db(GetParam());
  const auto broken = db.dir() / "broken.json";
  std::ofstream(broken)
      << R"({"format":"bdp","version":1,"sections":[],"units":[],"practices":[{"id":"x"}]})";
  auto [code, out] = run_bdp({"import", "--database", db.url(), broken.string()}, db.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("practices[0]"), std::string::npos) << out;
  std::tie(code, out) =
      run_bdp({"import", "--database", db.url(), (db.dir() / "missing.json").string()}, db.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("cannot read"), std::string::npos) << out;
}

TEST_P(Data, HostileImportedTextIsEscapedOnEveryPage) {
  TestDatabase db(GetParam());
  const std::string x = R"(<script>alert(1)</script>"><img src=x onerror=alert(2)>)";
  nlohmann::json practice = {
      {"id", 5},
      {"slug", "p"},
      {"title", x},
      {"summary", x},
      {"entered_on", "2020-01-01"},
      {"unit_id", 1},
      {"implementing_body", x},
      {"street", x},
      {"website", "javascript:alert(3)"},
      {"contacts", {{{"name", x}, {"position", x}, {"phones", {x}}, {"email", x}}}},
      {"section_ids", {1}},
      {"presentation", {{{"key", "cele"}, {"heading", x}, {"body", x}}}},
      {"attachments", {{{"title", x}, {"url", "javascript:alert(4)"}}}},
      {"status", "published"}};
  nlohmann::json dataset = {
      {"format", "bdp"},
      {"version", 1},
      {"sections", {{{"id", 1}, {"slug", "s"}, {"name", x}, {"position", 1}}}},
      {"units",
       {{{"id", 1},
         {"slug", "u"},
         {"name", x},
         {"type", "gmina wiejska"},
         {"town", x},
         {"county", x},
         {"voivodeship", "mazowieckie"}}}},
      {"practices", {practice}}};
  const auto file = db.dir() / "hostile.json";
  std::ofstream(file) << dataset.dump();
  auto [code, out] = run_bdp({"import", "--database", db.url(), file.string()}, db.dir());
  ASSERT_EQ(code, 0) << out;
  BdpServer server(db, {"--no-access-log", "--no-demo"});
  for (const std::string target :
       {"/", "/dzialy/s", "/praktyki/5-p", "/praktyki/5-p/pelna-prezentacja",
        "/praktyki/5-p/zalaczniki", "/jednostki/u"}) {
    auto r = server.get(target);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200) << target;
    EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << target;
    EXPECT_EQ(r->body.find("<img src=x"), std::string::npos) << target;
    EXPECT_EQ(r->body.find("href=\"javascript:"), std::string::npos) << target;
    EXPECT_NE(r->body.find("&lt;script&gt;"), std::string::npos) << target;
  }
}

TEST_P(Data, AWriteShowsOnTheRunningPortalWithinASecond) {
  TestDatabase db(GetParam());
  BdpServer server(db, {"--no-access-log"});
  ASSERT_EQ(server.get("/praktyki/77-nowa")->status, 404);
  const auto file = db.dir() / "new.json";
  std::ofstream(file) << R"({"format":"bdp","version":1,"sections":[],"units":[],
    "practices":[{"id":77,"slug":"nowa","title":"Budżet obywatelski w Śremie","summary":"Opis.",
      "entered_on":"2026-11-01","unit_id":1,"section_ids":[3],"status":"published"}]})";
  auto [code, out] = run_bdp({"import", "--database", db.url(), file.string()}, db.dir());
  ASSERT_EQ(code, 0) << out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline && status != 200) {
    status = server.get("/praktyki/77-nowa")->status;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200);
  EXPECT_NE(server.get("/")->body.find("Budżet obywatelski w Śremie"), std::string::npos)
      << "the cached home page was invalidated";
}

INSTANTIATE_TEST_SUITE_P(Engines, Data, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
