#include "http/byte_range.h"

#include <gtest/gtest.h>

#include "http/content_disposition.h"

namespace bdp::http {
namespace {

Request with(std::string range, std::string if_range = "") {
  Request r;
  r.headers = {{"range", std::move(range)}};
  if (!if_range.empty()) r.headers.emplace_back("if-range", std::move(if_range));
  return r;
}

constexpr std::string_view kTag = "\"abc\"";

TEST(AnswerRange, ServesOneRangeOfEachForm) {
  auto a = answer_range(with("bytes=0-99"), 1000, kTag);
  EXPECT_EQ(a.status, 206);
  EXPECT_EQ(a.range, (ByteRange{0, 100}));
  EXPECT_EQ(content_range(a, 1000), "bytes 0-99/1000");
  EXPECT_EQ(answer_range(with("bytes=900-"), 1000, kTag).range, (ByteRange{900, 100}));
  EXPECT_EQ(answer_range(with("bytes=-10"), 1000, kTag).range, (ByteRange{990, 10}));
  EXPECT_EQ(answer_range(with("bytes=-5000"), 1000, kTag).range, (ByteRange{0, 1000}));
  EXPECT_EQ(answer_range(with("bytes=990-5000"), 1000, kTag).range, (ByteRange{990, 10}));
}

TEST(AnswerRange, ARangePastTheEndIs416) {
  auto a = answer_range(with("bytes=1000-"), 1000, kTag);
  EXPECT_EQ(a.status, 416);
  EXPECT_EQ(content_range(a, 1000), "bytes */1000");
  EXPECT_EQ(answer_range(with("bytes=-0"), 1000, kTag).status, 416);
}

TEST(AnswerRange, WhatItDoesNotServeGetsTheWhole) {
  for (const char* range : {"bytes=0-1,5-6", "items=0-1", "bytes=5-1", "bytes=x-",
                            "bytes=", "bytes=1-2-3", "bytes=-"}) {
    auto a = answer_range(with(range), 1000, kTag);
    EXPECT_EQ(a.status, 200) << range;
    EXPECT_EQ(a.range, (ByteRange{0, 1000})) << range;
  }
  EXPECT_EQ(answer_range(Request{}, 10, kTag).status, 200);
}

TEST(AnswerRange, IfRangeMustNameThisVersion) {
  EXPECT_EQ(answer_range(with("bytes=0-1", "\"abc\""), 1000, kTag).status, 206);
  EXPECT_EQ(answer_range(with("bytes=0-1", "\"old\""), 1000, kTag).status, 200);
  EXPECT_EQ(answer_range(with("bytes=0-1", "Tue, 01 Dec 2026 10:00:00 GMT"), 1000, kTag).status,
            200);
}

TEST(ContentDisposition, KeepsPolishNamesInFilenameStarAndAnAsciiFallback) {
  EXPECT_EQ(content_disposition(false, "Uchwała nr 12.pdf"),
            "attachment; filename=\"Uchwala nr 12.pdf\"; "
            "filename*=UTF-8''Uchwa%C5%82a%20nr%2012.pdf");
  EXPECT_EQ(content_disposition(true, "Żółć.png"),
            "inline; filename=\"Zolc.png\"; filename*=UTF-8''%C5%BB%C3%B3%C5%82%C4%87.png");
}

TEST(ContentDisposition, NeverLetsAQuoteOrControlCharacterThrough) {
  EXPECT_EQ(content_disposition(false, "a\"b\\c\x01.pdf"),
            "attachment; filename=\"a_b_c_.pdf\"; filename*=UTF-8''a%22b%5Cc%01.pdf");
  EXPECT_EQ(content_disposition(false, "日本.pdf"),
            "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf");
}

}  // namespace
}  // namespace bdp::http
