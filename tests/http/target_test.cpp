#include "http/target.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

using Query = std::multimap<std::string, std::string>;

std::string decoded(std::string_view text, DecodeMode mode) {
  std::string out;
  EXPECT_TRUE(percent_decode(text, mode, out)) << text;
  return out;
}

TEST(PercentDecode, DecodesEscapesOfPolishLetters) {
  EXPECT_EQ(decoded("%C5%9Brem", DecodeMode::path), "śrem");
  EXPECT_EQ(decoded("%c5%9brem", DecodeMode::path), "śrem");
}

TEST(PercentDecode, PlusIsSpaceOnlyInQueries) {
  EXPECT_EQ(decoded("a+b", DecodeMode::query), "a b");
  EXPECT_EQ(decoded("a+b", DecodeMode::path), "a+b");
  EXPECT_EQ(decoded("a%2Bb", DecodeMode::query), "a+b");
}

TEST(PercentDecode, RejectsBadEscapes) {
  for (std::string_view bad : {"%zz", "%", "%4", "abc%", "%G0", "%0g"}) {
    std::string out;
    const auto s = percent_decode(bad, DecodeMode::path, out);
    ASSERT_FALSE(s) << bad;
    EXPECT_EQ(s.error().kind, ErrorKind::invalid_input);
  }
}

TEST(PercentDecode, AppendsToWhatIsThere) {
  std::string out = "x";
  ASSERT_TRUE(percent_decode("%41", DecodeMode::path, out));
  EXPECT_EQ(out, "xA");
}

TEST(ParseQuery, SplitsDecodesAndKeepsRepeatedKeys) {
  Query q;
  ASSERT_TRUE(parse_query("q=pomoc+spo%C5%82eczna&s=1&s=2&flag&&=v", q));
  EXPECT_EQ(q.find("q")->second, "pomoc społeczna");
  EXPECT_EQ(q.count("s"), 2u);
  EXPECT_EQ(q.find("flag")->second, "");
  EXPECT_EQ(q.find("")->second, "v");
  EXPECT_EQ(q.size(), 5u);
}

TEST(ParseQuery, RejectsInvalidUtf8AndBadEscapes) {
  Query q;
  EXPECT_FALSE(parse_query("q=%C3%28", q));
  EXPECT_FALSE(parse_query("%FF=1", q));
  EXPECT_FALSE(parse_query("q=%zz", q));
}

TEST(ParseTarget, SplitsPathAndQuery) {
  std::string path = "stale";
  Query q{{"stale", "x"}};
  ASSERT_TRUE(parse_target("/praktyki/%C5%9Brem?s=2&t=a+b", path, q));
  EXPECT_EQ(path, "/praktyki/śrem");
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q.find("t")->second, "a b");
}

TEST(ParseTarget, KeepsPlusInPath) {
  std::string path;
  Query q;
  ASSERT_TRUE(parse_target("/a+b", path, q));
  EXPECT_EQ(path, "/a+b");
  EXPECT_TRUE(q.empty());
}

TEST(ParseTarget, RejectsTargetsNotStartingWithSlash) {
  std::string path;
  Query q;
  EXPECT_FALSE(parse_target("", path, q));
  EXPECT_FALSE(parse_target("*", path, q));
  EXPECT_FALSE(parse_target("example.com/a", path, q));
  EXPECT_FALSE(parse_target("http://example.com?q=1", path, q));
}

TEST(ParseTarget, AcceptsAbsoluteFormAndDropsSchemeAndHost) {
  std::string path;
  Query q;
  ASSERT_TRUE(parse_target("http://example.com:8080/praktyki?s=2", path, q));
  EXPECT_EQ(path, "/praktyki");
  EXPECT_EQ(q.find("s")->second, "2");
  ASSERT_TRUE(parse_target("HTTPS://example.com", path, q));
  EXPECT_EQ(path, "/");
}

TEST(ParseTarget, RejectsInvalidUtf8BadEscapesAndNulInPath) {
  std::string path;
  Query q;
  EXPECT_FALSE(parse_target("/%C3%28", path, q));
  EXPECT_FALSE(parse_target("/%zz", path, q));
  EXPECT_FALSE(parse_target("/a%00b", path, q));
  EXPECT_FALSE(parse_target("/ok?q=%FF", path, q));
}

}  // namespace
}  // namespace bdp::http
