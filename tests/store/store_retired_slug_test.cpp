// Old addresses of units and sections, on every engine: a renamed unit or section leaves its
// slug retired, naming it; a slug taken again is live, not retired; merging a duplicate unit
// moves its practices (with a revision each), adoptions and documents, deletes it and retires
// its slug and those it had; a refused merge changes nothing. A removed section hands its
// practices, subsections and slugs to another, or, empty, is gone with its old addresses.
#include <gtest/gtest.h>

#include <algorithm>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

class RetiredSlugTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    section_ = store().save_section(sample_section("pomoc", "Pomoc")).value_or(0);
    keep_ = store().save_unit(sample_unit("srem-wielkopolskie")).value_or(0);
    auto duplicate = sample_unit("srem");
    duplicate.population = {{2020, 41000}};
    dup_ = store().save_unit(duplicate).value_or(0);
    ASSERT_GT(keep_, 0);
    ASSERT_GT(dup_, 0);
  }
  Status merge(std::int64_t from, std::int64_t into) {
    return store().write([&](Writer& w) {
      return w.merge_unit(from, into, RevisionNote{kNow, std::nullopt, "redaktor@zmp.pl", "dup"});
    });
  }
  Status remove_section(std::int64_t id, std::optional<std::int64_t> into) {
    return store().write([&](Writer& w) {
      return w.remove_section(id, into,
                              RevisionNote{kNow, std::nullopt, "redaktor@zmp.pl", "scal"});
    });
  }
  std::int64_t section_ = 0, keep_ = 0, dup_ = 0;
};
BDP_STORE_TEST_ON_ALL_ENGINES(RetiredSlugTest);

TEST_P(RetiredSlugTest, ARenamedUnitLeavesItsOldSlugNamingIt) {
  auto unit = store().unit(keep_);
  ASSERT_TRUE(unit);
  unit->slug = "srem-miasto";
  ASSERT_TRUE(store().save_unit(*unit));
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem-wielkopolskie"), keep_);
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem-miasto").error().kind,
            ErrorKind::not_found);
  // The kinds are apart: no section answers to a unit's old slug.
  EXPECT_EQ(store().retired_slug(EntityKind::section, "srem-wielkopolskie").error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(store().retired_slug(EntityKind::practice, "x").error().kind, ErrorKind::invalid_input);
  // Renamed back: the slug is live again, and the second one retired.
  unit->slug = "srem-wielkopolskie";
  ASSERT_TRUE(store().save_unit(*unit));
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem-wielkopolskie").error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem-miasto"), keep_);
}

TEST_P(RetiredSlugTest, ARenamedSectionLeavesItsOldSlugAndANewOneMayTakeItOver) {
  auto sections = store().sections();
  ASSERT_TRUE(sections);
  Section renamed = sections->front();
  renamed.slug = "pomoc-spoleczna";
  renamed.name = "Pomoc społeczna";
  ASSERT_TRUE(store().save_section(renamed));
  EXPECT_EQ(store().retired_slug(EntityKind::section, "pomoc"), section_);
  auto other = store().save_section(sample_section("pomoc", "Pomoc doraźna"));
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_EQ(store().retired_slug(EntityKind::section, "pomoc").error().kind, ErrorKind::not_found);
}

TEST_P(RetiredSlugTest, AMergeMovesEverythingOfTheDuplicateAndRetiresItsSlugs) {
  auto practice = store().save_practice(sample_practice(dup_, {section_}));
  ASSERT_TRUE(practice) << practice.error().message;
  auto taken_up = sample_practice(keep_, {section_}, "Inna praktyka");
  taken_up.slug = "inna";
  auto other = store().save_practice(taken_up);
  ASSERT_TRUE(other);
  Adoption adoption;
  adoption.practice_id = *other;
  adoption.unit_id = dup_;
  adoption.year = 2020;
  adoption.changes = "bez zmian";
  adoption.status = AdoptionStatus::published;
  adoption.created_on = "2026-01-01";
  auto adopted = store().save_adoption(adoption);
  ASSERT_TRUE(adopted) << adopted.error().message;
  Document document;
  document.title = "Uchwała";
  document.kind = DocumentKind::uchwala;
  document.year = 2019;
  document.unit_ids = {dup_, keep_};
  auto doc = store().documents().save_document(
      document, AuditEntry{0, kNow, std::nullopt, "redaktor@zmp.pl", "document:create", "", ""});
  ASSERT_TRUE(doc) << doc.error().message;
  // The duplicate had been renamed once: that old slug follows it too.
  auto dup = store().unit(dup_);
  dup->slug = "srem-gmina";
  ASSERT_TRUE(store().save_unit(*dup));
  const auto revisions_before = store().revisions(*practice)->size();
  const auto seq = store().last_change_seq().value_or(-1);

  ASSERT_TRUE(merge(dup_, keep_));

  EXPECT_EQ(store().practice(*practice)->unit_id, keep_);
  EXPECT_EQ(store().revisions(*practice)->size(), revisions_before + 1);
  EXPECT_EQ(store().revisions(*practice)->back().note.reason, "dup");
  EXPECT_EQ(store().adoption(*adopted)->unit_id, keep_);
  EXPECT_EQ(store().documents().document(*doc)->unit_ids, std::vector<std::int64_t>{keep_});
  EXPECT_EQ(store().unit(dup_).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().unit(keep_)->population, sample_unit().population);
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem-gmina"), keep_);
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem"), keep_);
  auto changes = store().changes_since(seq, 100);
  ASSERT_TRUE(changes);
  const auto deleted = std::ranges::find_if(*changes, [&](const Change& c) {
    return c.kind == EntityKind::unit && c.id == dup_ && c.deleted;
  });
  EXPECT_NE(deleted, changes->end());
}

TEST_P(RetiredSlugTest, ARefusedMergeChangesNothing) {
  auto practice = store().save_practice(sample_practice(dup_, {section_}));
  ASSERT_TRUE(practice);
  EXPECT_EQ(merge(dup_, dup_).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(merge(dup_, 9999).error().kind, ErrorKind::not_found);
  EXPECT_EQ(merge(9999, keep_).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().practice(*practice)->unit_id, dup_);
  EXPECT_TRUE(store().unit(dup_));
  EXPECT_EQ(store().retired_slug(EntityKind::unit, "srem").error().kind, ErrorKind::not_found);
}

TEST_P(RetiredSlugTest, ARemovedEmptySectionIsGoneWithItsOldAddresses) {
  auto empty = sample_section("stara", "Stara");
  auto id = store().save_section(empty);
  ASSERT_TRUE(id);
  empty.id = *id;
  empty.slug = "dawna";
  ASSERT_TRUE(store().save_section(empty));
  ASSERT_EQ(store().retired_slug(EntityKind::section, "stara"), *id);
  const auto seq = store().last_change_seq().value_or(-1);

  ASSERT_TRUE(remove_section(*id, std::nullopt));

  auto sections = store().sections();
  ASSERT_TRUE(sections);
  EXPECT_EQ(std::ranges::count(*sections, *id, &Section::id), 0);
  EXPECT_EQ(sections->size(), 1u);
  EXPECT_EQ(store().retired_slug(EntityKind::section, "stara").error().kind, ErrorKind::not_found);
  auto changes = store().changes_since(seq, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(changes->front().kind, EntityKind::section);
  EXPECT_EQ(changes->front().id, *id);
  EXPECT_TRUE(changes->front().deleted);
}

TEST_P(RetiredSlugTest, ARemovedSectionHandsItsPracticesSubsectionsAndSlugToAnother) {
  auto gone = store().save_section(sample_section("zdrowie", "Zdrowie")).value_or(0);
  auto child = sample_section("szczepienia", "Szczepienia");
  child.parent_id = gone;
  const auto child_id = store().save_section(child).value_or(0);
  auto own = sample_section("opieka", "Opieka");
  own.parent_id = section_;
  const auto own_id = store().save_section(own).value_or(0);
  ASSERT_GT(child_id, 0);
  ASSERT_GT(own_id, 0);
  // One practice only in the removed section, one in both: each ends in the target once.
  auto only = store().save_practice(sample_practice(keep_, {gone}));
  auto both_practice = sample_practice(keep_, {gone, section_}, "Inna praktyka");
  both_practice.slug = "inna";
  auto both = store().save_practice(both_practice);
  ASSERT_TRUE(only) << only.error().message;
  ASSERT_TRUE(both) << both.error().message;
  const auto revisions_before = store().revisions(*only)->size();

  ASSERT_TRUE(remove_section(gone, section_));

  EXPECT_EQ(store().practice(*only)->section_ids, std::vector<std::int64_t>{section_});
  EXPECT_EQ(store().practice(*both)->section_ids, std::vector<std::int64_t>{section_});
  EXPECT_EQ(store().revisions(*only)->size(), revisions_before + 1);
  EXPECT_EQ(store().revisions(*only)->back().note.reason, "scal");
  auto sections = store().sections();
  ASSERT_TRUE(sections);
  std::vector<std::string> order;
  for (const auto& s : *sections) order.push_back(s.slug);
  EXPECT_EQ(order, (std::vector<std::string>{"pomoc", "opieka", "szczepienia"}));
  const auto moved = std::ranges::find(*sections, child_id, &Section::id);
  ASSERT_NE(moved, sections->end());
  EXPECT_EQ(moved->parent_id, section_);
  EXPECT_EQ(store().retired_slug(EntityKind::section, "zdrowie"), section_);
}

TEST_P(RetiredSlugTest, ARefusedSectionRemovalChangesNothing) {
  auto child = sample_section("opieka", "Opieka");
  child.parent_id = section_;
  const auto child_id = store().save_section(child).value_or(0);
  ASSERT_GT(child_id, 0);
  auto practice = store().save_practice(sample_practice(keep_, {child_id}));
  ASSERT_TRUE(practice);
  EXPECT_EQ(remove_section(child_id, std::nullopt).error().kind, ErrorKind::conflict);
  EXPECT_EQ(remove_section(section_, std::nullopt).error().kind, ErrorKind::conflict);
  EXPECT_EQ(remove_section(section_, child_id).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(remove_section(section_, section_).error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(remove_section(child_id, 9999).error().kind, ErrorKind::not_found);
  EXPECT_EQ(remove_section(9999, section_).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().sections()->size(), 2u);
  EXPECT_EQ(store().practice(*practice)->section_ids, std::vector<std::int64_t>{child_id});
}

TEST_P(RetiredSlugTest, TheOldAddressesTravelWithTheOperationalState) {
  ASSERT_TRUE(merge(dup_, keep_));
  auto state = store().operational_state();
  ASSERT_TRUE(state) << state.error().message;
  ASSERT_EQ(state->retired_slugs.size(), 1u);
  EXPECT_EQ(state->retired_slugs[0], (RetiredSlug{EntityKind::unit, "srem", keep_}));
  ASSERT_TRUE(target().load_operational_state(*state));
  EXPECT_EQ(target().operational_state()->retired_slugs, state->retired_slugs);
  EXPECT_EQ(target().retired_slug(EntityKind::unit, "srem"), keep_);
}

}  // namespace
}  // namespace bdp::testing
