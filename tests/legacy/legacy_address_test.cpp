#include "legacy/legacy_address.h"

#include <gtest/gtest.h>

namespace bdp::legacy {
namespace {

TEST(LegacyAddress, ReadsArtTabAndSections) {
  const std::multimap<std::string, std::string> query = {
      {"p1", "6"}, {"p2", "1"}, {"art", "412"}, {"s", "2"}};
  EXPECT_EQ(parse_legacy_address(query), (LegacyAddress{412, tab_presentation, "6", "1"}));
}

TEST(LegacyAddress, AMissingOrUnknownTabIsTheSummary) {
  EXPECT_EQ(parse_legacy_address({{"art", "7"}})->tab, tab_summary);
  EXPECT_EQ(parse_legacy_address({{"art", "7"}, {"s", "9"}})->tab, tab_summary);
  EXPECT_EQ(parse_legacy_address({{"art", "7"}, {"s", "3"}})->tab, tab_attachments);
}

TEST(LegacyAddress, RejectsAnArtThatIsNoPositiveNumber) {
  for (const char* art : {"", "0", "-3", "12a", "1e3", "9999999999999999999", " 5"}) {
    EXPECT_FALSE(parse_legacy_address({{"art", art}})) << art;
  }
  EXPECT_FALSE(parse_legacy_address({{"p1", "6"}}));
}

TEST(LegacyAddress, ReadsRawLinksWithEntitiesLeftByTextDumps) {
  EXPECT_EQ(parse_legacy_href("index.php?p1=1&amp;p2=2&amp;art=523&amp;s=3"),
            (LegacyAddress{523, tab_attachments, "1", "2"}));
  EXPECT_EQ(parse_legacy_href("http://www.bdp.jst.org.pl/index.php?art=5#top")->art, 5);
  EXPECT_FALSE(parse_legacy_href("index.php?p1=1"));
  EXPECT_FALSE(parse_legacy_href("mailto:a@b.pl"));
}

TEST(LegacyAddress, FindsTheOldIdInAFileName) {
  EXPECT_EQ(art_from_file_name("pages/art412.txt"), 412);
  EXPECT_EQ(art_from_file_name("art_412.txt"), 412);
  EXPECT_EQ(art_from_file_name("ART-77.html"), 77);
  EXPECT_EQ(art_from_file_name("index.php?art=5.htm"), 5);
  EXPECT_FALSE(art_from_file_name("000_1196ef917f521a9f.txt"));
  EXPECT_FALSE(art_from_file_name("start12.txt"));
  EXPECT_FALSE(art_from_file_name("art12b.txt"));
}

}  // namespace
}  // namespace bdp::legacy
