#include "http/etag.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

TEST(IfNoneMatch, MatchesTheSameTag) {
  EXPECT_TRUE(if_none_match_matches("\"v1\"", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"v2\"", "\"v1\""));
}

TEST(IfNoneMatch, MatchesAnyTagOfAList) {
  EXPECT_TRUE(if_none_match_matches("\"a\", \"v1\",\"b\"", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"a\", \"b\"", "\"v1\""));
}

TEST(IfNoneMatch, ComparesWeakly) {
  EXPECT_TRUE(if_none_match_matches("W/\"v1\"", "\"v1\""));
  EXPECT_TRUE(if_none_match_matches("\"v1\"", "W/\"v1\""));
  EXPECT_TRUE(if_none_match_matches("\"x\", W/\"v1\"", "W/\"v1\""));
}

TEST(IfNoneMatch, StarMatchesAnyExistingTag) {
  EXPECT_TRUE(if_none_match_matches("*", "\"v1\""));
  EXPECT_TRUE(if_none_match_matches(" * ", "W/\"v1\""));
  EXPECT_FALSE(if_none_match_matches("*", ""));
}

TEST(IfNoneMatch, MalformedListsDoNotMatchBeyondTheError) {
  EXPECT_FALSE(if_none_match_matches("v1", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"v1", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"a\" junk \"v1\"", "\"v1\""));
  EXPECT_TRUE(if_none_match_matches("\"v1\" junk", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("", "\"v1\""));
}

TEST(WeakEtag, PrefixesStrongTagsOnly) {
  EXPECT_EQ(weak_etag("\"v1\""), "W/\"v1\"");
  EXPECT_EQ(weak_etag("W/\"v1\""), "W/\"v1\"");
}

}  // namespace
}  // namespace bdp::http
