// The back office's branding form and the setting it is saved as: empty partner rows dropped,
// each bad field refused with its message, the JSON read back as written.
#include "web/branding_form.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

const std::vector<std::string> kLogos = {"zmp.svg", "zpp.png"};

BrandingForm form(std::initializer_list<std::pair<std::string, std::string>> values) {
  http::FormFields fields;
  for (const auto& [k, v] : values) fields.emplace(k, v);
  return BrandingForm::posted(fields);
}

TEST(BrandingForm, EmptyPartnerRowsAreDroppedAndTheRestKeptInOrder) {
  auto checked = check_branding_form(form({{"naglowek", " Program „Lider” "},
                                           {"finansowanie", "Projekt UE.\nDrugi wiersz."},
                                           {"partner_2_nazwa", "Związek Miast Polskich"},
                                           {"partner_2_adres", "https://www.zmp.poznan.pl"},
                                           {"partner_2_logo", "zmp.svg"},
                                           {"partner_5_nazwa", "Związek Powiatów Polskich"}}),
                                     kLogos);
  EXPECT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.branding.programme_header, "Program „Lider”");
  EXPECT_EQ(checked.branding.funding_note, "Projekt UE.\nDrugi wiersz.");
  EXPECT_EQ(
      checked.branding.partners,
      (std::vector<NamedLink>{{"Związek Miast Polskich", "https://www.zmp.poznan.pl", "zmp.svg"},
                              {"Związek Powiatów Polskich", "", ""}}));
}

TEST(BrandingForm, EachBadFieldIsRefusedWithItsMessage) {
  auto checked = check_branding_form(form({{"naglowek", "a\nb"},
                                           {"finansowanie", std::string(1001, 'x')},
                                           {"partner_1_adres", "javascript:alert(1)"},
                                           {"partner_3_nazwa", "ZMP"},
                                           {"partner_3_logo", "../../etc/passwd"}}),
                                     kLogos);
  std::vector<std::string> refused;
  for (const auto& e : checked.errors) refused.push_back(e.field + ":" + e.message_key);
  EXPECT_EQ(refused,
            (std::vector<std::string>{
                "naglowek:submit.error.one_line", "finansowanie:submit.error.too_long",
                "partner_1_nazwa:submit.error.required", "partner_1_adres:submit.error.url",
                "partner_3_logo:submit.error.choose"}));
}

TEST(BrandingForm, TheSettingReadsBackAsWrittenAndABadOneIsRefused) {
  const Branding b{"Program", "Finansowanie „UE”", {{"ZMP <b>", "https://zmp.pl", "zmp.svg"}}};
  EXPECT_EQ(branding_from_json(branding_json(b)), b);
  EXPECT_EQ(branding_from_json("{").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(branding_from_json(R"({"programme_header": 5})").error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(BrandingForm::of(b).value("partner_1_nazwa"), "ZMP <b>");
  EXPECT_EQ(BrandingForm::of(b).value("partner_2_nazwa"), "");
}

}  // namespace
}  // namespace bdp::web
