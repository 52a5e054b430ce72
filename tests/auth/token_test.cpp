#include "auth/token.h"

#include <gtest/gtest.h>

#include <set>

namespace bdp::auth {
namespace {

TEST(SessionToken, Is43Base64UrlCharactersAndItsHashIs64HexDigits) {
  const auto token = new_session_token();
  EXPECT_EQ(token.cookie_value.size(), 43u);
  EXPECT_EQ(token.cookie_value.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(token.hash.size(), 64u);
  EXPECT_EQ(token.hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(token.hash.find(token.cookie_value), std::string::npos);
}

TEST(SessionToken, TheCookieHashesToTheStoredHashAndTokensDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto token = new_session_token();
    EXPECT_EQ(session_token_hash(token.cookie_value), token.hash);
    EXPECT_TRUE(seen.insert(token.cookie_value).second);
  }
}

TEST(SessionToken, MalformedCookiesHaveNoHash) {
  const auto token = new_session_token();
  EXPECT_FALSE(session_token_hash(""));
  EXPECT_FALSE(session_token_hash(token.cookie_value.substr(1)));
  EXPECT_FALSE(session_token_hash(token.cookie_value + "A"));
  EXPECT_FALSE(session_token_hash(token.cookie_value + "="));
  EXPECT_FALSE(session_token_hash(std::string(43, '*')));
  EXPECT_FALSE(session_token_hash(std::string(43, '\0')));
}

TEST(Csrf, TheSessionTokenIsStablePerSessionAndDiffersBetweenSessions) {
  const auto a = new_session_token(), b = new_session_token();
  const auto csrf_a = session_csrf_token(a.cookie_value);
  ASSERT_TRUE(csrf_a);
  EXPECT_EQ(csrf_a->size(), 43u);
  EXPECT_EQ(session_csrf_token(a.cookie_value), csrf_a);
  EXPECT_NE(session_csrf_token(b.cookie_value), csrf_a);
  EXPECT_NE(*csrf_a, a.cookie_value);
  EXPECT_FALSE(session_csrf_token("not a token"));
}

TEST(Csrf, SignedTokensVerifyOnlyWithTheirSecretAndNeverRepeat) {
  const std::string secret(32, 's');
  const auto a = signed_token(secret), b = signed_token(secret);
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_signed_token(secret, a));
  EXPECT_TRUE(verify_signed_token(secret, b));
  EXPECT_FALSE(verify_signed_token(std::string(32, 't'), a));
  EXPECT_FALSE(verify_signed_token(secret, a + "\n"));
  EXPECT_FALSE(verify_signed_token(secret, a.substr(0, a.find('.'))));
  EXPECT_FALSE(verify_signed_token(secret, "abc.def"));
  EXPECT_FALSE(verify_signed_token(secret, ""));
}

TEST(Csrf, ATokenWhoseMacIsSwappedForAnotherDoesNotVerify) {
  const std::string secret(32, 's');
  const auto a = signed_token(secret), b = signed_token(secret);
  const auto forged = a.substr(0, a.find('.')) + b.substr(b.find('.'));
  EXPECT_FALSE(verify_signed_token(secret, forged));
}

TEST(Csrf, TokensCompareEqualOnlyWhenIdenticalAndNonEmpty) {
  const auto a = new_session_token().cookie_value;
  EXPECT_TRUE(tokens_equal(a, std::string(a)));
  EXPECT_FALSE(tokens_equal(a, new_session_token().cookie_value));
  EXPECT_FALSE(tokens_equal(a, a.substr(0, 42)));
  EXPECT_FALSE(tokens_equal("", ""));
}

}  // namespace
}  // namespace bdp::auth
