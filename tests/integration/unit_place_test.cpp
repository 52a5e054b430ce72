// End to end: `bdp unit without-place` lists the units the gazetteer places only at a centre;
// `bdp unit set-place` stores coordinates by hand (and --clear forgets them).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

class UnitPlace : public ::testing::TestWithParam<std::string> {};

TEST_P(UnitPlace, ListsUnitsWithoutAPlaceUntilOneIsSetByHand) {
  TestDatabase db(GetParam());
  // The demo unit (Śrem) in a town the gazetteer does not know.
  auto data = nlohmann::json::parse(read_file(BDP_SOURCE_DIR "/data/demo.json"));
  data["units"][0]["town"] = "Nibylandia";
  data["units"][0]["name"] = "Gmina Nibylandia";
  const auto file = db.dir() / "data.json";
  std::ofstream(file) << data.dump();
  auto [code, out] = run_bdp({"import", "--database", db.url(), file.string()}, db.dir());
  ASSERT_EQ(code, 0) << out;

  const std::vector<std::string> list = {"unit", "without-place", "--database", db.url()};
  std::tie(code, out) = run_bdp(list, db.dir());
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, "srem-wielkopolskie\twielkopolskie\tNibylandia\tcounty_centre\tpowiat śremski\n");

  std::tie(code, out) = run_bdp({"unit", "set-place", "--database", db.url(), "--slug",
                                 "srem-wielkopolskie", "--lat", "95", "--lon", "17"},
                                db.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("latitude is out of range"), std::string::npos) << out;

  std::tie(code, out) = run_bdp({"unit", "set-place", "--database", db.url(), "--slug",
                                 "srem-wielkopolskie", "--lat", "52.0887", "--lon", "17.0149"},
                                db.dir());
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, "srem-wielkopolskie: 52.0887, 17.0149 (set by hand)\n");
  std::tie(code, out) = run_bdp(list, db.dir());
  EXPECT_EQ(out, "");

  std::tie(code, out) = run_bdp(
      {"unit", "set-place", "--database", db.url(), "--slug", "srem-wielkopolskie", "--clear"},
      db.dir());
  EXPECT_EQ(code, 0) << out;
  std::tie(code, out) = run_bdp(list, db.dir());
  EXPECT_NE(out.find("county_centre"), std::string::npos) << out;

  std::tie(code, out) = run_bdp(
      {"unit", "set-place", "--database", db.url(), "--slug", "atlantyda", "--clear"}, db.dir());
  EXPECT_EQ(code, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, UnitPlace, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bdp::testing
