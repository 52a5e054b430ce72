// The portal's configuration file (web/site_config.h): the shipped one loads, with the menu's
// link to the associations' portal; a menu link without an http(s) address is refused by name.
#include "web/site_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace bdp::web {
namespace {

TEST(SiteConfig, TheShippedConfigurationLoadsWithItsMenuLink) {
  auto config = load_site_config(std::string(BDP_SOURCE_DIR) + "/config/bdp.json");
  ASSERT_TRUE(config) << config.error().message;
  ASSERT_EQ(config->menu_links.size(), 1U);
  EXPECT_EQ(config->menu_links[0].name, "Portal jst.org.pl");
  EXPECT_EQ(config->menu_links[0].url, "https://www.jst.org.pl");
  EXPECT_EQ(config->partners.size(), 3U);
}

TEST(SiteConfig, AMenuLinkNeedsANameAndAnHttpAddress) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("bdp-site-config-test-" + std::to_string(::getpid()) + ".json");
  const char* refused[] = {
      "[{\"name\": \"x\", \"url\": \"javascript:alert(1)\"}]",
      "[{\"name\": \"\", \"url\": \"https://example.org\"}]",
      "[{\"name\": \"x\"}]",
  };
  for (const char* links : refused) {
    std::ofstream(path) << "{\"menu_links\": " << links << "}";
    auto config = load_site_config(path.string());
    ASSERT_FALSE(config) << links;
    EXPECT_EQ(config.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(config.error().message.find("menu_links"), std::string::npos);
  }
  std::ofstream(path)
      << "{\"menu_links\": [{\"name\": \"BIP\", \"url\": \"http://bip.example.org\"}]}";
  auto config = load_site_config(path.string());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->menu_links.size(), 1U);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace bdp::web
