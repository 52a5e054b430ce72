#include "http/cookie.h"

#include <gtest/gtest.h>

#include "http/message.h"

namespace bdp::http {
namespace {

TEST(CookieValue, FindsANameAmongOthersWithOrWithoutSpaces) {
  EXPECT_EQ(cookie_value("lang=pl; bdp_session=abc", "bdp_session"), "abc");
  EXPECT_EQ(cookie_value("bdp_session=abc;lang=en", "lang"), "en");
  EXPECT_EQ(cookie_value("  a = 1 ;b=\"quoted\"", "b"), "quoted");
  EXPECT_EQ(cookie_value("a=1; a=2", "a"), "1");
  EXPECT_EQ(cookie_value("empty=", "empty"), "");
}

TEST(CookieValue, NamesMatchWholeAndExactly) {
  EXPECT_FALSE(cookie_value("xlang=pl", "lang"));
  EXPECT_FALSE(cookie_value("LANG=pl", "lang"));
  EXPECT_FALSE(cookie_value("lang", "lang"));
  EXPECT_FALSE(cookie_value("", "lang"));
  EXPECT_FALSE(cookie_value(";;;", "lang"));
  EXPECT_EQ(cookie_value("x=lang=pl; lang=en", "lang"), "en");
}

TEST(RequestCookie, ReadsEveryCookieHeaderLine) {
  Request r;
  r.headers = {{"cookie", "a=1"}, {"Cookie", "bdp_session=s"}};
  EXPECT_EQ(r.cookie("bdp_session"), "s");
  EXPECT_EQ(r.cookie("a"), "1");
  EXPECT_FALSE(r.cookie("b"));
}

TEST(SetCookieHeader, SessionCookieHasTheSafeAttributes) {
  SetCookie c{"bdp_session", "tok-EN_123", "/", std::nullopt, true, false, SameSite::lax};
  EXPECT_EQ(set_cookie_header(c), "bdp_session=tok-EN_123; Path=/; HttpOnly; SameSite=Lax");
  c.secure = true;
  c.max_age = 0;
  c.same_site = SameSite::strict;
  c.path = "/redakcja";
  EXPECT_EQ(set_cookie_header(c),
            "bdp_session=tok-EN_123; Path=/redakcja; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
}

TEST(SetCookieHeader, RefusesNamesValuesAndPathsThatCouldInjectAttributes) {
  SetCookie c;
  c.name = "a";
  for (const char* value :
       {"x; Domain=evil", "x y", "\"x\"", "x,y", "x\\y", "x\r\nSet-Cookie: y"}) {
    c.value = value;
    EXPECT_FALSE(set_cookie_header(c)) << value;
  }
  c.value = "v";
  c.name = "a b";
  EXPECT_FALSE(set_cookie_header(c));
  c.name = "";
  EXPECT_FALSE(set_cookie_header(c));
  c.name = "a";
  c.path = "/; Domain=evil";
  EXPECT_FALSE(set_cookie_header(c));
}

}  // namespace
}  // namespace bdp::http
