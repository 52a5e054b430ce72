#include "legacy/contacts.h"

#include <gtest/gtest.h>

namespace bdp::legacy {
namespace {

TEST(Contacts, ReadsSeveralPersonsWithSeveralPhones) {
  std::vector<Warning> warnings;
  const auto contacts = read_contacts(
      {"Jan Kowalski", "Sekretarz Powiatu", "tel. 65 525 10 00, 65 525 10 01 lub 600 100 200",
       "e-mail: sekretarz@powiat.pl", "mgr Anna Nowak-Zielińska", "Naczelnik Wydziału",
       "fax: 65 525 10 20", "a.nowak@powiat.pl"},
      warnings);
  EXPECT_EQ(contacts, (std::vector<Contact>{{"Jan Kowalski",
                                             "Sekretarz Powiatu",
                                             {"65 525 10 00", "65 525 10 01", "600 100 200"},
                                             "sekretarz@powiat.pl"},
                                            {"mgr Anna Nowak-Zielińska",
                                             "Naczelnik Wydziału",
                                             {"faks 65 525 10 20"},
                                             "a.nowak@powiat.pl"}}));
  EXPECT_TRUE(warnings.empty());
}

TEST(Contacts, SplitsPhoneAndEmailWrittenOnOneLine) {
  std::vector<Warning> warnings;
  const auto contacts =
      read_contacts({"Maria Świdurska", "tel. 61 28 36 107, e@mail: ops@ops.srem.pl"}, warnings);
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].phones, std::vector<std::string>{"61 28 36 107"});
  EXPECT_EQ(contacts[0].email, "ops@ops.srem.pl");
}

TEST(Contacts, AWrappedPositionStaysWithItsPerson) {
  std::vector<Warning> warnings;
  const auto contacts = read_contacts({"Maria Świdurska", "kierownik Miejskiego Ośrodka",
                                       "pomocy społecznej w Śremie", "tel. 61 28 36 107"},
                                      warnings);
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].position, "kierownik Miejskiego Ośrodka, pomocy społecznej w Śremie");
}

TEST(Contacts, ReportsWhatItCannotPlace) {
  std::vector<Warning> warnings;
  const auto contacts = read_contacts(
      {"tel. 61 28 36 107", "", "Jan Kowalski", "e-mail: a@b.pl", "e-mail: c@d.pl"}, warnings);
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].name, "");
  EXPECT_EQ(contacts[1].email, "a@b.pl");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].message.find("without a name"), std::string::npos);
  EXPECT_NE(warnings[1].message.find("a second e-mail for 'Jan Kowalski'"), std::string::npos);
}

}  // namespace
}  // namespace bdp::legacy
