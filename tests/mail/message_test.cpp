// The message of one outbox mail: headers (Polish subject and sender encoded), the body, and
// header injection refused.
#include "mail/message.h"

#include <gtest/gtest.h>

namespace bdp::mail {
namespace {

constexpr std::int64_t kSentAt = 1'796'137'869;  // Tue, 01 Dec 2026 15:11:09 UTC

OutgoingMail sample() {
  OutgoingMail m;
  m.id = 42;
  m.to = "anna@gmina.pl";
  m.subject = "Śrem";
  m.body = "Dzień dobry,\npraktyka została opublikowana.\n";
  m.kind = "published";
  m.created_at = 1'796'130'000;
  return m;
}

const Sender kSender{"bdp@zmp.poznan.pl", "Związek Miast Polskich"};

TEST(BuildMessage, HeadersAndBodyAreEncodedWithCrlfLineEnds) {
  auto message = build_message(sample(), kSender, kSentAt);
  ASSERT_TRUE(message) << message.error().message;
  EXPECT_EQ(*message,
            "Date: Tue, 01 Dec 2026 15:11:09 +0000\r\n"
            "From: =?UTF-8?B?WndpxIV6ZWsgTWlhc3QgUG9sc2tpY2g=?= <bdp@zmp.poznan.pl>\r\n"
            "To: anna@gmina.pl\r\n"
            "Subject: =?UTF-8?B?xZpyZW0=?=\r\n"
            "Message-ID: <bdp.42.1796130000@zmp.poznan.pl>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Auto-Submitted: auto-generated\r\n"
            "\r\n"
            "Dzie=C5=84 dobry,\r\npraktyka zosta=C5=82a opublikowana.\r\n");
}

TEST(BuildMessage, AnAsciiSenderNameIsQuotedAndNoNameIsTheBareAddress) {
  auto quoted = build_message(sample(), Sender{"bdp@zmp.poznan.pl", "BDP, \"ZMP\""}, kSentAt);
  ASSERT_TRUE(quoted) << quoted.error().message;
  EXPECT_NE(quoted->find("\r\nFrom: \"BDP, \\\"ZMP\\\"\" <bdp@zmp.poznan.pl>\r\n"),
            std::string::npos);
  auto bare = build_message(sample(), Sender{"bdp@zmp.poznan.pl", ""}, kSentAt);
  ASSERT_TRUE(bare);
  EXPECT_NE(bare->find("\r\nFrom: bdp@zmp.poznan.pl\r\n"), std::string::npos);
}

TEST(BuildMessage, HeaderInjectionIsRefused) {
  for (const char* subject : {"Temat\r\nBcc: x@y.pl", "Temat\nBcc: x@y.pl", "Temat\r"}) {
    OutgoingMail m = sample();
    m.subject = subject;
    auto message = build_message(m, kSender, kSentAt);
    ASSERT_FALSE(message) << subject;
    EXPECT_EQ(message.error().kind, ErrorKind::invalid_input);
  }
  for (const char* to : {"anna@gmina.pl\r\nBcc: x@y.pl", "anna@gmina.pl, x@y.pl", "<a@b.pl>"}) {
    OutgoingMail m = sample();
    m.to = to;
    EXPECT_EQ(build_message(m, kSender, kSentAt).error().kind, ErrorKind::invalid_input) << to;
  }
  EXPECT_EQ(build_message(sample(), Sender{"bdp@zmp.pl\r\nBcc: x@y.pl", ""}, kSentAt).error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(
      build_message(sample(), Sender{"bdp@zmp.pl", "BDP\r\nBcc: x@y.pl"}, kSentAt).error().kind,
      ErrorKind::invalid_input);
}

}  // namespace
}  // namespace bdp::mail
