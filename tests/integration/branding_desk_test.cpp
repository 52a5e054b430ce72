// The portal's branding edited in the back office, on every engine: a refused form keeps what
// was typed (escaped) and saves nothing; a saved one shows on every public page (the cached
// ones dropped) within a second, and is audited.
#include <gtest/gtest.h>

#include "desk_fixture.h"

namespace bdp::testing {
namespace {

class BrandingDesk : public DeskTest {
 protected:
  RawResponse post(const std::string& body) { return DeskTest::post("/redakcja/wyglad", body); }
};
INSTANTIATE_TEST_SUITE_P(Engines, BrandingDesk, ::testing::ValuesIn(test_engines()));

TEST_P(BrandingDesk, ARefusedFormKeepsWhatWasTypedAndSavesNothing) {
  auto refused = post(
      "naglowek=Program&partner_1_nazwa=%3Cscript%3Ealert(1)%3C%2Fscript%3E&"
      "partner_1_adres=javascript%3Aalert(1)&partner_2_logo=..%2F..%2Fetc%2Fpasswd");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("<title>Błąd:"), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#partner_1_adres\""), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#partner_2_nazwa\""), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#partner_2_logo\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
            std::string::npos);
  EXPECT_EQ(refused.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(store->setting("branding").error().kind, ErrorKind::not_found);
}

TEST_P(BrandingDesk, ASavedBrandingShowsOnEveryPageWithinASecond) {
  ASSERT_EQ(server->get("/")->body.find("Program &lt;Lider&gt;"), std::string::npos);
  ASSERT_EQ(server->get("/dzialy/kultura")->status, 200);  // cached before the change
  auto saved = post(
      "naglowek=Program+%3CLider%3E&finansowanie=Projekt+wsp%C3%B3%C5%82finansowany&"
      "partner_1_nazwa=Zwi%C4%85zek+Miast+Polskich&partner_1_adres=https%3A%2F%2Fwww.zmp.poznan."
      "pl");
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), "/redakcja/wyglad?zapisano=1");
  for (const char* path : {"/", "/dzialy/kultura", "/en/"}) {
    EXPECT_TRUE(within(std::chrono::seconds(1), [&] {
      const auto body = server->get(path)->body;
      return body.find("Program &lt;Lider&gt;") != std::string::npos &&
             body.find("Projekt współfinansowany") != std::string::npos &&
             body.find("href=\"https://www.zmp.poznan.pl\"") != std::string::npos;
    })) << path;
  }
  auto form = server->get("/redakcja/wyglad?zapisano=1", session);
  EXPECT_NE(form->body.find("value=\"Program &lt;Lider&gt;\""), std::string::npos);
  EXPECT_NE(form->body.find("role=\"status\""), std::string::npos);
  auto audit = store->audit_log("branding:", "", 0, 10);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().actor, "redaktor@bdp.pl");
}

}  // namespace
}  // namespace bdp::testing
