// Round trips of every record type through every engine, and the errors of bad input.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class CrudTest : public StoreTest {
 protected:
  // Two top-level sections and a unit, as most practice tests need.
  void add_basics() {
    auto first = store().save_section(sample_section("wspolpraca-jst-ngo", "Współpraca JST-NGO"));
    auto second = store().save_section(sample_section("uslugi-spoleczne", "Usługi społeczne"));
    auto unit = store().save_unit(sample_unit());
    ASSERT_TRUE(first && second && unit);
    sections_ = {*first, *second};
    unit_id_ = *unit;
  }
  std::vector<std::int64_t> sections_;
  std::int64_t unit_id_ = 0;
};
BDP_STORE_TEST_ON_ALL_ENGINES(CrudTest);

TEST_P(CrudTest, MigratingAgainChangesNothingAndKeepsData) {
  add_basics();
  ASSERT_TRUE(store().migrate());
  ASSERT_TRUE(store().migrate());
  auto units = store().units();
  ASSERT_TRUE(units);
  EXPECT_EQ(units->size(), 1u);
}

TEST_P(CrudTest, FreshStoreIsEmptyAndNotAfterASave) {
  EXPECT_EQ(store().empty(), true);
  add_basics();
  EXPECT_EQ(store().empty(), false);
}

TEST_P(CrudTest, SectionsComeBackAsATreeDepthFirstBySiblingPosition) {
  auto social = store().save_section(sample_section("uslugi-spoleczne", "Usługi społeczne", {}, 0));
  auto technical =
      store().save_section(sample_section("uslugi-techniczne", "Usługi techniczne", {}, 1));
  ASSERT_TRUE(social && technical);
  auto welfare =
      store().save_section(sample_section("pomoc-spoleczna", "Pomoc społeczna", *social, 1));
  auto culture = store().save_section(sample_section("kultura", "Kultura", *social, 0));
  ASSERT_TRUE(welfare && culture);

  auto sections = store().sections();
  ASSERT_TRUE(sections) << sections.error().message;
  ASSERT_EQ(sections->size(), 4u);
  std::vector<std::string> names;
  for (const auto& s : *sections) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Usługi społeczne", "Kultura", "Pomoc społeczna",
                                             "Usługi techniczne"}));
  Section expected = sample_section("kultura", "Kultura", *social, 0);
  expected.id = *culture;
  EXPECT_EQ((*sections)[1], expected);
}

TEST_P(CrudTest, SectionUpdateKeepsIdAndChangesFields) {
  auto id = store().save_section(sample_section("kultura", "Kultura"));
  ASSERT_TRUE(id);
  Section renamed = sample_section("kultura-i-sztuka", "Kultura i sztuka", {}, 3);
  renamed.id = *id;
  EXPECT_EQ(store().save_section(renamed), *id);
  auto sections = store().sections();
  ASSERT_TRUE(sections);
  ASSERT_EQ(sections->size(), 1u);
  EXPECT_EQ(sections->front(), renamed);
}

TEST_P(CrudTest, SectionCannotMoveUnderItsOwnSubsectionOrAMissingParent) {
  auto top = store().save_section(sample_section("top", "Top"));
  ASSERT_TRUE(top);
  auto child = store().save_section(sample_section("child", "Child", *top));
  ASSERT_TRUE(child);
  Section cycle = sample_section("top", "Top", *child);
  cycle.id = *top;
  auto moved = store().save_section(cycle);
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().kind, ErrorKind::invalid_input);

  auto orphan = store().save_section(sample_section("orphan", "Orphan", 999));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(orphan.error().message.find("999"), std::string::npos) << orphan.error().message;
}

TEST_P(CrudTest, DuplicateSectionSlugIsAConflict) {
  ASSERT_TRUE(store().save_section(sample_section("kultura", "Kultura")));
  auto again = store().save_section(sample_section("kultura", "Inna kultura"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_P(CrudTest, UnitRoundTripsEveryFieldWithItsPopulationSeries) {
  Unit unit = sample_unit();
  auto id = store().save_unit(unit);
  ASSERT_TRUE(id) << id.error().message;
  unit.id = *id;
  EXPECT_EQ(store().unit(*id), unit);
  EXPECT_EQ(store().unit_by_slug("srem-wielkopolskie"), unit);
  EXPECT_EQ(store().units(), std::vector<Unit>{unit});

  unit.population = {{2020, 41000}};
  unit.latitude.reset();
  unit.longitude.reset();
  unit.county = "";
  ASSERT_EQ(store().save_unit(unit), *id);
  EXPECT_EQ(store().unit(*id), unit);
}

TEST_P(CrudTest, MissingUnitIsNotFound) {
  auto unit = store().unit(42);
  ASSERT_FALSE(unit);
  EXPECT_EQ(unit.error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().unit_by_slug("nowhere").error().kind, ErrorKind::not_found);
}

TEST_P(CrudTest, DuplicateUnitSlugIsAConflict) {
  ASSERT_TRUE(store().save_unit(sample_unit()));
  auto again = store().save_unit(sample_unit());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_P(CrudTest, InvalidUnitsAreRejected) {
  Unit bad_type = sample_unit();
  bad_type.type = "gmina kosmiczna";
  Unit twice = sample_unit();
  twice.population = {{2011, 1}, {2011, 2}};
  Unit no_name = sample_unit();
  no_name.name = "";
  for (const Unit& unit : {bad_type, twice, no_name}) {
    auto saved = store().save_unit(unit);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().kind, ErrorKind::invalid_input);
  }
  EXPECT_EQ(store().empty(), true);
}

TEST_P(CrudTest, PracticeRoundTripsEveryField) {
  add_basics();
  Practice p = sample_practice(unit_id_, sections_);
  auto id = store().save_practice(p);
  ASSERT_TRUE(id) << id.error().message;
  auto back = store().practice(*id);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->updated_at.size(), 20u) << back->updated_at;  // 2026-01-31T12:00:00Z
  p.id = *id;
  p.updated_at = back->updated_at;
  EXPECT_EQ(*back, p);
  EXPECT_EQ(back->contacts[0].phones.size(), 3u);
  EXPECT_EQ(back->presentation.size(), 10u);
}

TEST_P(CrudTest, PracticeWithoutOptionalFieldsRoundTrips) {
  add_basics();
  Practice p;
  p.title = "Minimalna";
  p.unit_id = unit_id_;
  p.status = PracticeStatus::draft;
  auto id = store().save_practice(p);
  ASSERT_TRUE(id) << id.error().message;
  auto back = store().practice(*id);
  ASSERT_TRUE(back);
  p.id = *id;
  p.updated_at = back->updated_at;
  EXPECT_EQ(*back, p);
  EXPECT_FALSE(back->population.has_value());
}

TEST_P(CrudTest, ImportedPracticeKeepsItsLegacyId) {
  add_basics();
  Practice p = sample_practice(unit_id_, sections_);
  p.id = 412;
  p.source_key = "legacy:412";
  EXPECT_EQ(store().save_practice(p), 412);
  auto by_key = store().practice_by_source_key("legacy:412");
  ASSERT_TRUE(by_key);
  EXPECT_EQ(by_key->id, 412);

  auto fresh = store().save_practice(sample_practice(unit_id_, sections_, "Nowa"));
  ASSERT_TRUE(fresh);
  EXPECT_GT(*fresh, 0);
  EXPECT_NE(*fresh, 412);
}

TEST_P(CrudTest, DuplicateSourceKeyIsAConflict) {
  add_basics();
  Practice p = sample_practice(unit_id_, sections_);
  p.source_key = "legacy:7";
  ASSERT_TRUE(store().save_practice(p));
  auto again = store().save_practice(p);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_P(CrudTest, UpdateReplacesEveryChildList) {
  add_basics();
  auto id = store().save_practice(sample_practice(unit_id_, sections_));
  ASSERT_TRUE(id);
  Practice changed = sample_practice(unit_id_, {sections_[1]}, "Zmieniony tytuł");
  changed.id = *id;
  changed.contacts = {Contact{"Anna Żak", "", {}, ""}};
  changed.presentation = {PresentationSection{"cele", "Cele praktyki", "Nowe cele"}};
  changed.attachments.clear();
  changed.population.reset();
  changed.status = PracticeStatus::archived;
  ASSERT_EQ(store().save_practice(changed), *id);

  auto back = store().practice(*id);
  ASSERT_TRUE(back);
  changed.updated_at = back->updated_at;
  EXPECT_EQ(*back, changed);
  auto all = store().all_practices();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1u);
}

TEST_P(CrudTest, DeletedPracticeIsGoneAndItsIdCanBeReused) {
  add_basics();
  Practice p = sample_practice(unit_id_, sections_);
  p.id = 5;
  ASSERT_TRUE(store().save_practice(p));
  ASSERT_TRUE(store().delete_practice(5));
  EXPECT_EQ(store().practice(5).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().delete_practice(5).error().kind, ErrorKind::not_found);
  ASSERT_TRUE(store().save_practice(p));
  auto back = store().practice(5);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->contacts.size(), 2u);
}

TEST_P(CrudTest, PracticeReferringToMissingUnitOrSectionIsInvalid) {
  add_basics();
  auto no_unit = store().save_practice(sample_practice(999, sections_));
  ASSERT_FALSE(no_unit);
  EXPECT_EQ(no_unit.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(no_unit.error().message.find("unit 999"), std::string::npos);

  auto no_section = store().save_practice(sample_practice(unit_id_, {sections_[0], 777}));
  ASSERT_FALSE(no_section);
  EXPECT_EQ(no_section.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(no_section.error().message.find("section 777"), std::string::npos);
  EXPECT_EQ(store().all_practices()->size(), 0u);
}

TEST_P(CrudTest, MalformedPracticesAreInvalidInput) {
  add_basics();
  std::vector<Practice> bad(6, sample_practice(unit_id_, sections_));
  bad[0].title = "";
  bad[1].entered_on = "2011-02-30";
  bad[2].postal_code = "63100";
  bad[3].contacts[1].name = "";
  bad[4].section_ids = {sections_[0], sections_[0]};
  bad[5].population = -1;
  for (const auto& p : bad) {
    auto saved = store().save_practice(p);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().kind, ErrorKind::invalid_input) << saved.error().message;
  }
  EXPECT_EQ(store().all_practices()->size(), 0u);
}

TEST_P(CrudTest, MissingPracticeIsNotFoundAndEmptySourceKeyInvalid) {
  EXPECT_EQ(store().practice(1).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().practice_by_source_key("legacy:1").error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().practice_by_source_key("").error().kind, ErrorKind::invalid_input);
}

}  // namespace
}  // namespace bdp::testing
