#include "http/content_coding.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

// The coding sent when both variants exist, for an Accept-Encoding value.
Coding chosen(std::string_view accept_encoding) {
  return choose_coding(parse_accept_encoding(accept_encoding), true, true);
}

TEST(AcceptEncoding, QualitiesOfListedCodingsInThousandths) {
  const auto a = parse_accept_encoding("br;q=0.8, GZIP;q=0.5, identity;q=0.001");
  EXPECT_EQ(a.br, 800);
  EXPECT_EQ(a.gzip, 500);
  EXPECT_EQ(a.identity, 1);
  const auto b = parse_accept_encoding("gzip, deflate, br");
  EXPECT_EQ(b.br, 1000);
  EXPECT_EQ(b.gzip, 1000);
  EXPECT_EQ(b.identity, 1) << "not named: acceptable, least preferred";
  EXPECT_EQ(parse_accept_encoding("x-gzip;q=0.25").gzip, 250);
  EXPECT_EQ(parse_accept_encoding("br;q=1.000").br, 1000);
  EXPECT_EQ(parse_accept_encoding("br ; Q=0.7").br, 700);
}

TEST(AcceptEncoding, MalformedQualitiesCountAsZero) {
  for (const char* value : {"br;q=abc", "br;q=1.5", "br;q=2", "br;q=0.1234", "br;q=", "br;q=.5"}) {
    EXPECT_EQ(parse_accept_encoding(value).br, 0) << value;
  }
}

TEST(AcceptEncoding, TheWildcardCoversOnlyCodingsNotListed) {
  const auto a = parse_accept_encoding("gzip;q=0.4, *;q=0.2");
  EXPECT_EQ(a.gzip, 400);
  EXPECT_EQ(a.br, 200);
  EXPECT_EQ(a.identity, 200);
  const auto refused = parse_accept_encoding("*;q=0");
  EXPECT_EQ(refused.br, 0);
  EXPECT_EQ(refused.gzip, 0);
  EXPECT_EQ(refused.identity, 0);
}

TEST(AcceptEncoding, AbsentOrEmptyAcceptsIdentityOnly) {
  for (const auto value :
       {std::optional<std::string_view>(), std::optional<std::string_view>("")}) {
    const auto a = parse_accept_encoding(value);
    EXPECT_EQ(a.br, 0);
    EXPECT_EQ(a.gzip, 0);
    EXPECT_GT(a.identity, 0);
  }
}

TEST(ChooseCoding, BrotliWinsEqualQualitiesAndTheHigherQualityWinsOtherwise) {
  EXPECT_EQ(chosen("gzip, deflate, br"), Coding::br);
  EXPECT_EQ(chosen("br;q=0.5, gzip;q=0.5"), Coding::br);
  EXPECT_EQ(chosen("br;q=0.5, gzip"), Coding::gzip);
  EXPECT_EQ(chosen("gzip;q=0.5, br;q=0.6"), Coding::br);
  EXPECT_EQ(chosen("*"), Coding::br);
  EXPECT_EQ(chosen("gzip, *;q=0.1"), Coding::gzip);
  EXPECT_EQ(chosen("identity;q=1, gzip;q=0.5"), Coding::identity);
  EXPECT_EQ(chosen("identity, gzip"), Coding::gzip) << "equal quality: the smaller body";
}

TEST(ChooseCoding, ZeroQualityRefusesACoding) {
  EXPECT_EQ(chosen("br;q=0, gzip"), Coding::gzip);
  EXPECT_EQ(chosen("br;q=0"), Coding::identity);
  EXPECT_EQ(chosen("*, br;q=0"), Coding::gzip);
  EXPECT_EQ(chosen("*;q=0, gzip;q=0"), Coding::identity) << "nothing acceptable: identity";
  EXPECT_EQ(chosen("gzip;q=0"), Coding::identity);
  EXPECT_EQ(chosen("identity"), Coding::identity);
  EXPECT_EQ(chosen("deflate, gzipx"), Coding::identity);
}

TEST(ChooseCoding, OnlyAvailableVariantsAreChosen) {
  const auto both = parse_accept_encoding("gzip, br");
  EXPECT_EQ(choose_coding(both, false, true), Coding::gzip);
  EXPECT_EQ(choose_coding(both, true, false), Coding::br);
  EXPECT_EQ(choose_coding(both, false, false), Coding::identity);
  EXPECT_EQ(choose_coding(parse_accept_encoding("br"), false, true), Coding::identity);
}

TEST(ContentEncodingName, NamesTheHeaderValue) {
  EXPECT_EQ(content_encoding_name(Coding::br), "br");
  EXPECT_EQ(content_encoding_name(Coding::gzip), "gzip");
  EXPECT_EQ(content_encoding_name(Coding::identity), "");
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
