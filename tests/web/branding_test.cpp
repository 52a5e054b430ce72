// The branding images (web/branding.h): the shipped marks pass; a logo that is no plain file
// of the branding folder, no PNG or SVG by its bytes, an SVG that could run script, too big,
// or without its text is refused by name; the pages show the marks and bdp serves them.
#include "web/branding.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../support/portal_fixture.h"

namespace bdp::web {
namespace {

namespace fs = std::filesystem;

class Branding : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("bdp-branding-test-" + std::to_string(::getpid()));
    fs::create_directories(dir / "branding");
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir / "branding" / name, std::ios::binary) << content;
  }
  // The outcome for a config whose only mark is `logo` with `text`.
  Status check(const std::string& logo, const std::string& text = "Znak") {
    SiteConfig config;
    config.funding_marks = {{text, "", logo}};
    return check_branding(config, dir.string());
  }
  fs::path dir;
};

TEST_F(Branding, TheShippedConfigurationsMarksPass) {
  auto config = load_site_config(std::string(BDP_SOURCE_DIR) + "/config/bdp.json");
  ASSERT_TRUE(config) << config.error().message;
  ASSERT_TRUE(config->programme_logo);
  EXPECT_EQ(config->programme_logo->logo, "program.svg");
  ASSERT_EQ(config->funding_marks.size(), 1U);
  const auto checked = check_branding(*config, std::string(BDP_SOURCE_DIR) + "/assets");
  EXPECT_TRUE(checked) << checked.error().message;
}

TEST_F(Branding, APngOrATameSvgPasses) {
  write("a.png", std::string("\x89PNG\r\n\x1a\n", 8) + "rest");
  write("b.svg", R"(<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>)");
  EXPECT_TRUE(check("a.png"));
  EXPECT_TRUE(check("b.svg"));
  SiteConfig config;
  config.partners = {{"Związek bez logo", "https://example.org", ""}};  // a partner may have none
  EXPECT_TRUE(check_branding(config, dir.string()));
}

TEST_F(Branding, EachRefusalNamesTheFileAndWhy) {
  write("fake.png", "GIF89a");
  write("script.svg", R"(<svg><script>alert(1)</script></svg>)");
  write("event.svg", R"svg(<svg onload = "alert(1)"></svg>)svg");
  write("entity.svg", R"(<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>)");
  write("object.svg", R"(<svg><foreignObject><p>x</p></foreignObject></svg>)");
  write("encoded.svg", R"(<svg><a href="&#106;avascript:x">a</a></svg>)");
  write("nosvg.svg", "<html></html>");
  write("big.svg", "<svg>" + std::string(300 * 1024, ' ') + "</svg>");
  write("logo.gif", "GIF89a");
  write("ok.svg", "<svg></svg>");
  const std::pair<std::string, std::string> refused[] = {
      {"fake.png", "is not a PNG image"},       {"script.svg", "holds a script"},
      {"event.svg", "has an event attribute"},  {"entity.svg", "declares an entity"},
      {"object.svg", "holds a foreign object"}, {"encoded.svg", "holds a character reference"},
      {"nosvg.svg", "is not an SVG image"},     {"big.svg", "larger than 256 KiB"},
      {"logo.gif", "an .svg or a .png"},        {"missing.svg", "cannot be read"},
      {"../branding/ok.svg", "a file name"},    {"", "a file name"},
  };
  for (const auto& [logo, why] : refused) {
    const auto r = check(logo);
    ASSERT_FALSE(r) << logo;
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(r.error().message.find("\"" + logo + "\""), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
  }
  const auto untitled = check("ok.svg", "");
  ASSERT_FALSE(untitled);
  EXPECT_NE(untitled.error().message.find("needs its text"), std::string::npos);
}

class BrandedPortal : public bdp::testing::PortalFixture {
 protected:
  void SetUp() override {
    config.programme_logo = NamedLink{"Znak programu", "https://program.example", "program.svg"};
    config.funding_marks = {{"Znak współfinansowania", "", "wspolfinansowanie.svg"}};
    config.partners = {{"Partner z logo", "https://partner.example", "program.svg"},
                       {"Partner bez logo", "", ""}};
    PortalFixture::SetUp();
  }
};

TEST_F(BrandedPortal, TheFooterShowsEachMarkWithItsTextAndLink) {
  const auto r = get("/smup");
  ASSERT_EQ(r.status, 200);
  const auto src = [&](const std::string& file) {
    const auto at = r.body.find("/static/branding/" + file + "?v=");
    return at == std::string::npos ? std::string() : r.body.substr(at, r.body.find('"', at) - at);
  };
  ASSERT_FALSE(src("program.svg").empty());
  for (const std::string& expected : {
           R"(<p class="marks"><a href="https://program.example"><img src=")" + src("program.svg") +
               R"(" alt="Znak programu" height="48"></a></p>)",
           R"(<li><img src=")" + src("wspolfinansowanie.svg") +
               R"(" alt="Znak współfinansowania" height="48"></li>)",
           R"(<li><a href="https://partner.example"><img src=")" + src("program.svg") +
               R"(" alt="Partner z logo" height="48"></a></li><li>Partner bez logo</li>)",
       }) {
    EXPECT_NE(r.body.find(expected), std::string::npos) << expected;
  }
  const auto image = get(src("program.svg"));
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/svg+xml");
  EXPECT_NE(std::string(image.header("cache-control").value_or("")).find("immutable"),
            std::string::npos);
  EXPECT_EQ(image.header("content-security-policy"),
            "default-src 'none'; style-src 'unsafe-inline'; sandbox");
}

}  // namespace
}  // namespace bdp::web
