// The notification mails: their Polish subject and body, the link and reason they carry.
#include "web/notifications.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

TEST(Notifications, ARequestForChangesCarriesTheReasonAndThePortalsSignature) {
  SiteConfig config;
  config.portal_title = "Baza Dobrych Praktyk";
  config.base_url = "https://bdp.example.pl";
  const auto mail = notice_mail(config, Notice::changes_requested, "jan@gmina.pl", "Budżet", "",
                                "Proszę dodać koszty.", 1'800'000'000);
  EXPECT_EQ(mail.kind, "changes_requested");
  EXPECT_EQ(mail.to, "jan@gmina.pl");
  EXPECT_EQ(mail.subject, "Redakcja prosi o poprawki: Budżet");
  EXPECT_EQ(mail.created_at, 1'800'000'000);
  EXPECT_NE(mail.body.find("popraw je.\n\nUwagi redakcji:\n\nProszę dodać koszty."),
            std::string::npos)
      << mail.body;
  EXPECT_TRUE(mail.body.ends_with("\n-- \nBaza Dobrych Praktyk\nhttps://bdp.example.pl\n"));
}

TEST(Notifications, APublicationAndAnAssignmentLinkWhereTheyLead) {
  SiteConfig config;
  const auto published = notice_mail(config, Notice::published, "a@b.pl", "Budżet",
                                     "https://x.pl/praktyki/7-budzet", "", 0);
  EXPECT_EQ(published.subject, "Opublikowaliśmy praktykę: Budżet");
  EXPECT_NE(published.body.find(
                "„Budżet” jest już w Bazie Dobrych Praktyk:\nhttps://x.pl/praktyki/7-budzet"),
            std::string::npos);
  const auto assigned = notice_mail(config, Notice::assigned, "a@b.pl", "Budżet",
                                    "https://x.pl/redakcja/praktyki/7", "", 0);
  EXPECT_EQ(assigned.kind, "assignment");
  EXPECT_NE(assigned.body.find("https://x.pl/redakcja/praktyki/7"), std::string::npos);
}

}  // namespace
}  // namespace bdp::web
