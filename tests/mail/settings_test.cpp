// The "mail" settings: what is refused before anything is sent.
#include "mail/settings.h"

#include <gtest/gtest.h>

namespace bdp::mail {
namespace {

MailSettings valid() {
  MailSettings s;
  s.smtp_url = "smtp://127.0.0.1:2525";
  s.from = "bdp@zmp.poznan.pl";
  return s;
}

TEST(MailSettings, NotConfiguredIsValid) {
  EXPECT_FALSE(MailSettings{}.configured());
  EXPECT_TRUE(validate_settings(MailSettings{}));
  EXPECT_TRUE(validate_settings(valid()));
}

TEST(MailSettings, BadValuesAreRefusedNamingTheKey) {
  auto bad = [](auto change) {
    MailSettings s = valid();
    change(s);
    auto checked = validate_settings(s);
    EXPECT_FALSE(checked);
    return checked ? std::string() : checked.error().message;
  };
  EXPECT_EQ(bad([](auto& s) { s.smtp_url = "http://x"; }),
            "mail: smtp_url must start with smtp:// or smtps://");
  EXPECT_EQ(bad([](auto& s) { s.from = "bdp"; }), "mail: from must be one e-mail address");
  EXPECT_EQ(bad([](auto& s) { s.from_name = "a\r\nBcc: x@y.pl"; }),
            "mail: from_name must be one line");
  EXPECT_EQ(bad([](auto& s) { s.batch = 0; }), "mail: batch must be 1..100");
  EXPECT_EQ(bad([](auto& s) { s.timeout_seconds = 0; }), "mail: timeout_seconds must be 1..600");
  EXPECT_EQ(bad([](auto& s) { s.retry.max_attempts = 0; }),
            "mail: max_attempts must be at least 1");
}

TEST(MailSettings, TheLeaseOutlastsABatchOfTimeouts) {
  MailSettings s = valid();
  s.batch = 10;
  s.timeout_seconds = 30;
  EXPECT_EQ(s.lease_seconds(), 360);
}

}  // namespace
}  // namespace bdp::mail
