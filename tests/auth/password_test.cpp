#include "auth/password.h"

#include <gtest/gtest.h>

#include <chrono>

namespace bdp::auth {
namespace {

TEST(PasswordPolicy, TwelveCharactersAreTheMinimumCountedAsCharactersNotBytes) {
  EXPECT_EQ(check_password_policy("short-pass1").error().kind, ErrorKind::invalid_input);
  EXPECT_NE(check_password_policy("short-pass1").error().message.find("at least 12"),
            std::string::npos);
  EXPECT_TRUE(check_password_policy("long-enough-1"));
  // 11 Polish letters are 22 bytes but 11 characters.
  EXPECT_FALSE(check_password_policy("ąęśćżźńółąę"));
  EXPECT_TRUE(check_password_policy("ąęśćżźńółąęł"));
}

TEST(PasswordPolicy, RefusesInvalidUtf8AndHugePasswords) {
  EXPECT_FALSE(check_password_policy("abcdefghijkl\xff"));
  EXPECT_FALSE(check_password_policy("abcdefghijk\xc4"));
  EXPECT_FALSE(check_password_policy(std::string(1025, 'a')));
  EXPECT_TRUE(check_password_policy(std::string(1024, 'a')));
}

TEST(PasswordHash, IsArgon2idSaltedAndVerifies) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash) << hash.error().message;
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password(*hash, ""));
  auto again = hash_password("correct horse battery");
  ASSERT_TRUE(again);
  EXPECT_NE(*again, *hash) << "each hash has its own salt";
  EXPECT_TRUE(verify_password(*again, "correct horse battery"));
}

TEST(PasswordHash, MalformedHashesNeverMatch) {
  EXPECT_FALSE(verify_password("", ""));
  EXPECT_FALSE(verify_password("plain text", "plain text"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=65536,t=2,p=1$AAAA$AAAA", "x"));
  EXPECT_FALSE(verify_password(std::string(200, '$'), "x"));
}

TEST(PasswordHash, VerifyingTakesAboutAsLongAsHashing) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash);
  const auto start = std::chrono::steady_clock::now();
  verify_password(*hash, "wrong password!");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  // Argon2id over 64 MiB cannot be fast; a cheap verify would mean a broken configuration.
  EXPECT_GE(ms, 10);
  RecordProperty("verify_ms", static_cast<int>(ms));
}

}  // namespace
}  // namespace bdp::auth
