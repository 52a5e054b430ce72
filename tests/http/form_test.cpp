#include "http/form.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

Request form_post(std::string body, std::string type = "application/x-www-form-urlencoded") {
  Request r;
  r.method = Method::post;
  r.headers = {{"content-type", std::move(type)}};
  r.body = std::move(body);
  return r;
}

TEST(ParseForm, DecodesFieldsAsHtmlFormsSendThem) {
  auto fields = parse_form(form_post("email=anna%40gmina.pl&haslo=a+b%C5%82&csrf=x"), 1024);
  ASSERT_TRUE(fields) << fields.error().message;
  EXPECT_EQ(form_field(*fields, "email"), "anna@gmina.pl");
  EXPECT_EQ(form_field(*fields, "haslo"), "a bł");
  EXPECT_EQ(form_field(*fields, "csrf"), "x");
  EXPECT_FALSE(form_field(*fields, "missing"));
}

TEST(ParseForm, AcceptsACharsetParameterAndAnyCaseOfTheMediaType) {
  EXPECT_TRUE(parse_form(form_post("a=1", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"), 10));
  EXPECT_TRUE(parse_form(form_post("", "application/x-www-form-urlencoded"), 10));
}

TEST(ParseForm, RefusesOtherContentTypes) {
  EXPECT_EQ(parse_form(form_post("a=1", "multipart/form-data; boundary=x"), 10).error().kind,
            ErrorKind::invalid_input);
  EXPECT_FALSE(parse_form(form_post("a=1", "text/plain"), 10));
  Request none = form_post("a=1");
  none.headers.clear();
  EXPECT_FALSE(parse_form(none, 10));
}

TEST(ParseForm, RefusesOversizedBodiesBadEscapesAndBadUtf8) {
  EXPECT_FALSE(parse_form(form_post(std::string(11, 'a')), 10));
  EXPECT_TRUE(parse_form(form_post(std::string(10, 'a')), 10));
  EXPECT_FALSE(parse_form(form_post("a=%zz"), 100));
  EXPECT_FALSE(parse_form(form_post("a=%ff%fe"), 100));
  EXPECT_FALSE(parse_form(form_post("a=\xc4"), 100));
}

}  // namespace
}  // namespace bdp::http
