// Child lists (contacts, phones, presentation, attachments) keep any text exactly. The
// PostgreSQL engine passes each list as one array parameter, so quotes, backslashes, braces,
// commas, the word NULL and empty strings must survive its array syntax; run on every engine.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class ChildTextTest : public StoreTest {};
BDP_STORE_TEST_ON_ALL_ENGINES(ChildTextTest);

TEST_P(ChildTextTest, AwkwardTextInEveryChildListRoundTrips) {
  auto unit = store().save_unit(sample_unit());
  ASSERT_TRUE(unit);
  const std::vector<std::string> awkward = {
      "\"cudzysłów\"", "back\\slash", "{klamry}", "a,b", "NULL", "", " spacje ", "\\\"", "ŁÓDŹ\n"};
  Practice p = sample_practice(*unit, {});
  p.contacts.clear();
  p.presentation.clear();
  p.attachments.clear();
  for (std::size_t i = 0; i < awkward.size(); ++i) {
    const auto& text = awkward[i];
    p.contacts.push_back(Contact{"Osoba " + text, text, {"tel " + text, "2" + text}, text});
    p.presentation.push_back(
        PresentationSection{"k" + std::to_string(i), "Nagłówek " + text, text});
    p.attachments.push_back(Attachment{text, "https://example.org/" + std::to_string(i)});
  }
  auto id = store().save_practice(p);
  ASSERT_TRUE(id) << id.error().message;
  auto back = store().practice(*id);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->contacts, p.contacts);
  EXPECT_EQ(back->presentation, p.presentation);
  EXPECT_EQ(back->attachments, p.attachments);
}

}  // namespace
}  // namespace bdp::testing
