// A practice's content as revision fields: every content field written in order and read back
// into the same practice; identity and status kept from the base; a list's gap closed; bad
// fields refused.
#include "model/revision.h"

#include <gtest/gtest.h>

namespace bdp {
namespace {

Practice full_practice() {
  Practice p;
  p.id = 412;
  p.slug = "centrum";
  p.title = "Centrum Aktywności Lokalnej";
  p.summary = "Pierwszy akapit.\n\nDrugi akapit.";
  p.entered_on = "2011-03-03";
  p.unit_id = 7;
  p.implementing_body = "Ośrodek Pomocy Społecznej";
  p.postal_code = "63-100";
  p.post_office = "Śrem";
  p.street = "Mickiewicza 40";
  p.website = "www.opssrem.lap.pl";
  p.population = 40333;
  p.contacts = {Contact{"Maria Świdurska", "Kierownik", {"61 28 36 107", "600 100 200"}, "m@x.pl"},
                Contact{"Jan Łęcki", "", {}, ""}};
  p.section_ids = {3, 11};
  p.presentation = {PresentationSection{"sytuacja_przed", "Opis sytuacji", "Było źle."},
                    PresentationSection{"rezultaty", "Rezultaty", "Jest lepiej."}};
  p.attachments = {Attachment{"Uchwała", "https://example.org/u.pdf"}};
  p.provenance = Provenance{"legacy", "Program", "z archiwum"};
  p.source_key = "legacy:412";
  p.status = PracticeStatus::in_review;
  p.updated_at = "2026-12-01T10:00:00Z";
  return p;
}

TEST(Revision, ContentFieldsReadBackIntoTheSamePractice) {
  const Practice p = full_practice();
  Practice base;
  base.id = p.id;
  base.slug = p.slug;
  base.source_key = p.source_key;
  base.status = p.status;
  base.updated_at = p.updated_at;
  base.title = "inny tytuł, zastąpiony";
  auto back = with_content(base, content_fields(p));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, p);
}

TEST(Revision, FieldsComeInMetrykaOrderWithListsNumbered) {
  const auto fields = content_fields(full_practice());
  ASSERT_GE(fields.size(), 11U);
  EXPECT_EQ(fields[0], (ContentField{"title", "Centrum Aktywności Lokalnej"}));
  EXPECT_EQ(fields[3], (ContentField{"unit_id", "7"}));
  EXPECT_EQ(fields[9], (ContentField{"population", "40333"}));
  EXPECT_EQ(fields[10], (ContentField{"sections", "3,11"}));
  EXPECT_EQ(fields[13], (ContentField{"contacts.0.phones", "61 28 36 107\n600 100 200"}));
  EXPECT_EQ(fields[19], (ContentField{"presentation.0.key", "sytuacja_przed"}));
  EXPECT_EQ(fields.back(), (ContentField{"provenance.note", "z archiwum"}));
  // 11 Metryka fields, 2 contacts × 4, 2 parts × 3, 1 attachment × 2, 3 of provenance.
  EXPECT_EQ(fields.size(), 11U + 8U + 6U + 2U + 3U);
}

TEST(Revision, AnEmptyPopulationIsNone) {
  Practice p = full_practice();
  p.population.reset();
  auto back = with_content(full_practice(), content_fields(p));
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->population.has_value());
}

TEST(Revision, UnknownKeysAndMalformedNumbersAreRefused) {
  const Practice base = full_practice();
  for (const auto& bad : std::vector<ContentField>{{"status", "published"},
                                                   {"contacts.0.salary", "1"},
                                                   {"contacts.x.name", "Ewa"},
                                                   {"contacts.99999.name", "Ewa"},
                                                   {"unit_id", "7a"},
                                                   {"population", "-"},
                                                   {"sections", "3,,4"}}) {
    auto read = with_content(base, {bad});
    ASSERT_FALSE(read) << bad.key << "=" << bad.value;
    EXPECT_EQ(read.error().kind, ErrorKind::invalid_input);
  }
}

TEST(Revision, AListItemMissingInTheMiddleLeavesNoEmptyItem) {
  auto fields = content_fields(full_practice());
  std::erase_if(fields, [](const ContentField& f) { return f.key.starts_with("contacts.0."); });
  auto back = with_content(full_practice(), fields);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->contacts.size(), 1U);
  EXPECT_EQ(back->contacts[0], full_practice().contacts[1]);
}

TEST(Revision, AListItemsKeyNamesItsListIndexAndField) {
  const auto k = list_field_key("contacts.3.name");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->list, "contacts");
  EXPECT_EQ(k->index, 3U);
  EXPECT_EQ(k->sub, "name");
  EXPECT_EQ(list_field_key("presentation.12.body")->sub, "body");
  for (const char* other : {"title", "provenance.note", "contacts..name", "contacts.x.name",
                            "contacts.-1.name", "contacts.10000.name"}) {
    EXPECT_FALSE(list_field_key(other)) << other;
  }
}

}  // namespace
}  // namespace bdp
