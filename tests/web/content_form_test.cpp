// The form of a practice's text: what was posted replaces the editable fields only (line breaks
// as LF, blank phone lines dropped, the ticked sections as ids), a blank contact and attachment
// add one when filled, an item emptied is removed, and each refusal is bound to its field.
#include "web/content_form.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

const std::vector<ContentField> kShown = {{"title", "Klub seniora"},
                                          {"summary", "Spotkania."},
                                          {"entered_on", "2026-12-01"},
                                          {"unit_id", "3"},
                                          {"postal_code", "63-100"},
                                          {"population", "41500"},
                                          {"sections", "1,2"},
                                          {"contacts.0.name", "Anna Nowak"},
                                          {"contacts.0.phones", "61 283 52 00"},
                                          {"presentation.0.key", "cele"},
                                          {"presentation.0.heading", "Cele"},
                                          {"presentation.0.body", "Integracja."}};

const SectionTree& tree() {
  static const SectionTree t({Section{1, std::nullopt, "uslugi", "Usługi", 0, ""},
                              Section{2, 1, "kultura", "Kultura", 0, ""}});
  return t;
}

Practice base() {
  Practice p;
  p.id = 5;
  p.slug = "klub";
  p.status = PracticeStatus::published;
  return p;
}

TEST(ContentForm, PostedTextReplacesOnlyTheEditableFieldsWithLineBreaksAsLf) {
  const http::FormFields posted = {{"summary", "Dwa\r\nkluby.\rRazem."},
                                   {"unit_id", "99"},
                                   {"sections", ""},
                                   {"sections", "2"},
                                   {"sections", "dwa"},
                                   {"sections", "2"},
                                   {"presentation.0.key", "inne"},
                                   {"contacts.0.phones", "61 283 52 00\r\n\r\n  \r\n600 100 200"}};
  const auto typed = posted_content(posted, kShown);
  ASSERT_EQ(typed.size(), kShown.size());
  EXPECT_EQ(typed[0].value, "Klub seniora") << "not posted: kept";
  EXPECT_EQ(typed[1].value, "Dwa\nkluby.\nRazem.");
  EXPECT_EQ(typed[3].value, "3") << "the unit is not the form's";
  EXPECT_EQ(typed[6].value, "2") << "ticked once; the list's marker and no id dropped";
  EXPECT_EQ(typed[9].value, "cele") << "nor the methodology's keys";
  EXPECT_EQ(typed[8].value, "61 283 52 00\n600 100 200");
  auto checked = check_content(typed, base(), tree());
  ASSERT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.practice.summary, "Dwa\nkluby.\nRazem.");
  EXPECT_EQ(checked.practice.unit_id, 3);
  EXPECT_EQ(checked.practice.section_ids, std::vector<std::int64_t>{2});
  EXPECT_EQ(checked.practice.slug, "klub");
  EXPECT_EQ(checked.practice.status, PracticeStatus::published);
  EXPECT_EQ(checked.practice.contacts[0].phones,
            (std::vector<std::string>{"61 283 52 00", "600 100 200"}));
}

TEST(ContentForm, EachRefusalIsBoundToItsField) {
  const http::FormFields posted = {
      {"title", "  "},          {"entered_on", "1 grudnia"},
      {"postal_code", "63100"}, {"population", "dużo"},
      {"contacts.0.name", ""},  {"presentation.0.heading", "Cele\nI zadania"}};
  const auto checked = check_content(posted_content(posted, kShown), base(), tree());
  EXPECT_EQ(checked.errors, (std::vector<FieldError>{
                                {"title", "submit.error.required"},
                                {"entered_on", "content.error.date"},
                                {"postal_code", "submit.error.postal_code"},
                                {"population", "submit.error.number"},
                                {"contacts.0.name", "submit.error.required"},
                                {"presentation.0.heading", "submit.error.one_line"},
                            }));
}

TEST(ContentForm, SectionsNotPostedStayTheirOrderIsKeptNoneTickedOrUnknownAreRefused) {
  EXPECT_EQ(posted_content({{"title", "Klub"}}, kShown)[6].value, "1,2");
  const auto none = posted_content({{"sections", ""}}, kShown);
  EXPECT_EQ(none[6].value, "");
  EXPECT_EQ(check_content(none, base(), tree()).errors,
            (std::vector<FieldError>{{"sections", "submit.error.sections"}}));
  // The order stored stays (its first is the main section); a new one comes after.
  std::vector<ContentField> shown_reversed = kShown;
  shown_reversed[6].value = "2,1";
  EXPECT_EQ(posted_content({{"sections", "1"}, {"sections", "2"}}, shown_reversed)[6].value, "2,1");
  const auto unknown = posted_content({{"sections", "7"}, {"sections", "1"}}, kShown);
  EXPECT_EQ(unknown[6].value, "1,7");
  EXPECT_EQ(check_content(unknown, base(), tree()).errors,
            (std::vector<FieldError>{{"sections", "submit.error.sections"}}));
}

TEST(ContentForm, ABlankContactAndAttachmentFollowTheirListsToAddOne) {
  std::vector<std::string> keys;
  for (const auto& f : with_blank_items(kShown)) {
    keys.push_back(f.key);
    if (f.key.starts_with("contacts.1.") || f.key.starts_with("attachments.")) {
      EXPECT_EQ(f.value, "") << f.key;
    }
  }
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "title", "summary", "entered_on", "unit_id", "postal_code", "population",
                      "sections", "contacts.0.name", "contacts.0.phones", "contacts.1.name",
                      "contacts.1.position", "contacts.1.phones", "contacts.1.email",
                      "presentation.0.key", "presentation.0.heading", "presentation.0.body",
                      "attachments.0.title", "attachments.0.url"}));
}

TEST(ContentForm, AFilledBlankRowAddsAnItemAndAnEmptiedOneIsRemoved) {
  const http::FormFields posted = {
      {"contacts.0.name", " "},           {"contacts.0.phones", ""},
      {"contacts.1.name", "Jan Nowy"},    {"contacts.1.email", "jan@gmina.pl"},
      {"attachments.0.title", "Uchwała"}, {"attachments.0.url", "https://gmina.pl/u.pdf"}};
  const auto checked =
      check_content(posted_content(posted, with_blank_items(kShown)), base(), tree());
  ASSERT_EQ(checked.errors, std::vector<FieldError>{});
  ASSERT_EQ(checked.practice.contacts.size(), 1u);
  EXPECT_EQ(checked.practice.contacts[0].name, "Jan Nowy");
  EXPECT_EQ(checked.practice.contacts[0].email, "jan@gmina.pl");
  ASSERT_EQ(checked.practice.attachments.size(), 1u);
  EXPECT_EQ(checked.practice.attachments[0].url, "https://gmina.pl/u.pdf");
}

TEST(ContentForm, AHalfFilledNewItemIsRefusedOnItsOwnFieldsAndABlankOneUnchecked) {
  const http::FormFields posted = {{"contacts.1.position", "Sekretarz"}};
  const auto shown = with_blank_items(kShown);
  EXPECT_EQ(check_content(posted_content(posted, shown), base(), tree()).errors,
            (std::vector<FieldError>{{"contacts.1.name", "submit.error.required"}}));
  const auto untouched = check_content(posted_content({}, shown), base(), tree());
  EXPECT_EQ(untouched.errors, std::vector<FieldError>{});
  EXPECT_EQ(untouched.practice.contacts.size(), 1u) << "the blank row adds none";
  EXPECT_TRUE(untouched.practice.attachments.empty());
}

TEST(ContentForm, TheUnitAndTheKeysAreNotInputsTheSectionsAreCheckboxes) {
  EXPECT_FALSE(content_input("unit_id").editable);
  EXPECT_TRUE(content_input("sections").editable);
  EXPECT_EQ(content_input("sections").spec.kind, FieldKind::sections);
  EXPECT_FALSE(content_input("presentation.3.key").editable);
  EXPECT_TRUE(content_input("presentation.3.body").editable);
  EXPECT_EQ(content_input("presentation.3.body").spec.kind, FieldKind::text);
  EXPECT_TRUE(content_input("title").spec.required);
}

}  // namespace
}  // namespace bdp::web
