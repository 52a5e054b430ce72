#include "http/content_coding.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

TEST(AcceptsGzip, AcceptsListedGzip) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_TRUE(accepts_gzip("gzip;q=0.001"));
}

TEST(AcceptsGzip, HonoursZeroQuality) {
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000"));
  EXPECT_FALSE(accepts_gzip("deflate, gzip ; Q=0.0"));
  EXPECT_FALSE(accepts_gzip("*, gzip;q=0"));
}

TEST(AcceptsGzip, WildcardCountsOnlyWhenGzipIsNotListed) {
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("br, *;q=0.1"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_TRUE(accepts_gzip("gzip, *;q=0"));
}

TEST(AcceptsGzip, RefusesEmptyOrOtherCodings) {
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzipx"));
  EXPECT_FALSE(accepts_gzip("gzip;q=abc"));
}

TEST(IsCompressible, TextJsonJavascriptAndSvg) {
  EXPECT_TRUE(is_compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(is_compressible("Text/CSS"));
  EXPECT_TRUE(is_compressible("application/json"));
  EXPECT_TRUE(is_compressible(" application/javascript ;charset=utf-8"));
  EXPECT_TRUE(is_compressible("image/svg+xml"));
}

TEST(IsCompressible, NotImagesArchivesOrPdf) {
  EXPECT_FALSE(is_compressible("image/png"));
  EXPECT_FALSE(is_compressible("application/pdf"));
  EXPECT_FALSE(is_compressible("application/gzip"));
  EXPECT_FALSE(is_compressible("application/jsonx"));
  EXPECT_FALSE(is_compressible(""));
}

}  // namespace
}  // namespace bdp::http
