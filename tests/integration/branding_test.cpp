// End to end: branding is configuration — another config file changes the portal's title,
// programme header, partners and counter without a rebuild.
#include <gtest/gtest.h>

#include "bdp_process.h"

namespace bdp::testing {
namespace {

TEST(Branding, AnotherConfigFileRebrandsThePortal) {
  TestDatabase db("sqlite");
  const auto config = db.dir() / "brand.json";
  std::ofstream(config) << R"({"portal_title": "Baza Praktyk <Test>",
    "programme_header": "Model współpracy administracji publicznej i organizacji pozarządowych",
    "partners": [{"name": "Związek Gmin Wiejskich RP", "url": "https://example.org/zgw"}],
    "counter_since": "2010-05-01", "counter_base": 1000})";
  BdpServer server(db, {"--no-access-log", "--config", config.string()});
  auto r = server.get("/", as_visitor("branding-test"));
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<title>Baza Praktyk &lt;Test&gt;</title>"), std::string::npos);
  EXPECT_NE(r->body.find("Model współpracy administracji publicznej"), std::string::npos);
  EXPECT_EQ(r->body.find("Doskonalenie zarządzania"), std::string::npos);
  EXPECT_NE(r->body.find("href=\"https://example.org/zgw\">Związek Gmin Wiejskich RP"),
            std::string::npos);
  EXPECT_NE(r->body.find("<strong>1001</strong> gości odwiedziło nas od 1 maja 2010 r."),
            std::string::npos);
}

TEST(Branding, ABrokenConfigFileStopsTheStartWithTheReason) {
  TestDatabase db("sqlite");
  const auto config = db.dir() / "broken.json";
  std::ofstream(config) << R"({"portal_title": 5})";
  auto [code, out] = run_bdp(
      {"serve", "--database", db.url(), "--config", config.string(), "--port", "0"}, db.dir());
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("broken.json"), std::string::npos) << out;
}

}  // namespace
}  // namespace bdp::testing
