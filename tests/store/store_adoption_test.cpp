// Adoptions ("Zastosowaliśmy to u nas"), on every engine: every field kept, both directions
// read, the editors' queue, counts of published ones only, validation and references, the
// change log, a practice's deletion, dump and load.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class AdoptionTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    section_ = store().save_section(sample_section("pomoc", "Pomoc społeczna")).value_or(0);
    srem_ = store().save_unit(sample_unit()).value_or(0);
    Unit other = sample_unit("koscian-wielkopolskie");
    other.name = "Kościan";
    other.teryt = "3011011";
    koscian_ = store().save_unit(other).value_or(0);
    original_ = store().save_practice(sample_practice(srem_, {section_})).value_or(0);
    Practice own = sample_practice(koscian_, {section_}, "Centrum w Kościanie");
    own.slug = "centrum-w-koscianie";
    own_ = store().save_practice(own).value_or(0);
    ASSERT_GT(own_, 0);
  }
  Adoption adoption(AdoptionStatus status = AdoptionStatus::pending) const {
    Adoption a;
    a.practice_id = original_;
    a.unit_id = koscian_;
    a.adopting_practice_id = own_;
    a.kind = AdoptionKind::adapted;
    a.year = 2019;
    a.changes = "Centrum prowadzi też klub seniora.\nDrugi wiersz.";
    a.contact_name = "Anna Nowak";
    a.contact_email = "anna.nowak@koscian.example.pl";
    a.status = status;
    a.created_on = "2026-11-30";
    return a;
  }
  std::int64_t section_ = 0, srem_ = 0, koscian_ = 0, original_ = 0, own_ = 0;
};
BDP_STORE_TEST_ON_ALL_ENGINES(AdoptionTest);

TEST_P(AdoptionTest, KeepsEveryFieldAndIsReadFromBothPractices) {
  const auto id = store().save_adoption(adoption());
  ASSERT_TRUE(id) << id.error().message;
  Adoption expected = adoption();
  expected.id = *id;
  EXPECT_EQ(store().adoption(*id), expected);
  EXPECT_EQ(store().adoptions_of(original_), std::vector<Adoption>{expected});
  EXPECT_EQ(store().adoptions_of(own_), std::vector<Adoption>{expected});
  EXPECT_EQ(store().adoptions_of(original_ + own_ + 1), std::vector<Adoption>{});
  EXPECT_EQ(store().adoption(*id + 1).error().kind, ErrorKind::not_found);
}

TEST_P(AdoptionTest, AnAdoptionWithoutAnOwnPracticeIsStoredWithNone) {
  Adoption a = adoption();
  a.adopting_practice_id = 0;
  const auto id = store().save_adoption(a);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(store().adoption(*id)->adopting_practice_id, 0);
  EXPECT_EQ(store().adoptions_of(own_)->size(), 0u);
}

TEST_P(AdoptionTest, TheQueueHoldsOneStatusOldestFirstAndCountsArePublishedUnits) {
  const auto first = store().save_adoption(adoption()).value_or(0);
  const auto second = store().save_adoption(adoption()).value_or(0);
  const auto shown = store().save_adoption(adoption(AdoptionStatus::published)).value_or(0);
  store().save_adoption(adoption(AdoptionStatus::rejected));
  auto pending = store().adoptions_in(AdoptionStatus::pending);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ(pending->at(0).id, first);
  EXPECT_EQ(pending->at(1).id, second);
  auto published = store().adoptions_in(AdoptionStatus::published);
  ASSERT_EQ(published->size(), 1u);
  EXPECT_EQ(published->front().id, shown);
  using Counts = std::vector<std::pair<std::int64_t, std::int64_t>>;
  EXPECT_EQ(store().adoption_counts(), (Counts{{original_, 1}}));
  // The same unit's second word counts once; another unit's counts too.
  Adoption again = store().adoption(first).value();
  again.status = AdoptionStatus::published;
  ASSERT_TRUE(store().save_adoption(again));
  EXPECT_EQ(store().adoption_counts(), (Counts{{original_, 1}}));
  Adoption other = store().adoption(second).value();
  other.status = AdoptionStatus::published;
  other.unit_id = srem_;
  other.adopting_practice_id = 0;
  ASSERT_TRUE(store().save_adoption(other));
  EXPECT_EQ(store().adoption_counts(), (Counts{{original_, 2}}));
}

TEST_P(AdoptionTest, RefusesWhatIsNotAnAdoptionAndNamesTheField) {
  const auto refused = [&](Adoption a, const std::string& words) {
    auto id = store().save_adoption(a);
    ASSERT_FALSE(id) << words;
    EXPECT_EQ(id.error().kind, ErrorKind::invalid_input) << words;
    EXPECT_NE(id.error().message.find(words), std::string::npos) << id.error().message;
  };
  Adoption a = adoption();
  a.year = 1989;
  refused(a, "year 1989");
  a = adoption();
  a.changes = " \n ";
  refused(a, "changes are empty");
  a = adoption();
  a.adopting_practice_id = original_;
  refused(a, "own practice");
  a = adoption();
  a.contact_email = "not an address";
  refused(a, "e-mail");
  a = adoption();
  a.created_on = "2026-02-30";
  refused(a, "created_on");
  a = adoption();
  a.changes = std::string("z\0a", 3);
  refused(a, "NUL");
  a = adoption();
  a.practice_id = own_ + 100;
  refused(a, "practice " + std::to_string(own_ + 100) + " does not exist");
  a = adoption();
  a.unit_id = koscian_ + 100;
  refused(a, "unit " + std::to_string(koscian_ + 100) + " does not exist");
  a = adoption();
  a.adopting_practice_id = own_ + 100;
  refused(a, "practice " + std::to_string(own_ + 100) + " does not exist");
  EXPECT_EQ(store().adoptions_of(original_)->size(), 0u);
}

TEST_P(AdoptionTest, EachSaveIsLoggedWithThePracticesAndTheUnitItConcerns) {
  const auto before = store().last_change_seq().value_or(0);
  const auto id = store().save_adoption(adoption()).value_or(0);
  auto changes = store().changes_since(before, 10);
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(changes->front().kind, EntityKind::adoption);
  EXPECT_EQ(changes->front().id, id);
  EXPECT_EQ(changes->front().related, (std::vector<EntityRef>{{EntityKind::practice, original_},
                                                              {EntityKind::practice, own_},
                                                              {EntityKind::unit, koscian_}}));
}

TEST_P(AdoptionTest, DeletingAPracticeTakesItsAdoptionsAndUnlinksItAsAnOwnVersion) {
  const auto of_original = store().save_adoption(adoption()).value_or(0);
  Adoption of_own = adoption();
  of_own.practice_id = own_;
  of_own.adopting_practice_id = 0;
  const auto kept = store().save_adoption(of_own).value_or(0);
  Adoption from_other = adoption();
  from_other.unit_id = srem_;
  from_other.practice_id = own_;
  from_other.adopting_practice_id = original_;
  const auto unlinked = store().save_adoption(from_other).value_or(0);
  ASSERT_TRUE(store().delete_practice(original_));
  EXPECT_EQ(store().adoption(of_original).error().kind, ErrorKind::not_found);
  ASSERT_TRUE(store().adoption(kept)) << "an adoption of the other practice stays";
  EXPECT_EQ(store().adoption(unlinked)->adopting_practice_id, 0);
  EXPECT_EQ(store().adoption(unlinked)->practice_id, own_);
}

TEST_P(AdoptionTest, DumpAndLoadCarryAdoptionsWithTheirIds) {
  Adoption a = adoption(AdoptionStatus::published);
  a.id = 40;
  ASSERT_TRUE(store().save_adoption(a));
  auto dumped = store().dump();
  ASSERT_TRUE(dumped) << dumped.error().message;
  ASSERT_EQ(dumped->adoptions, std::vector<Adoption>{a});
  ASSERT_TRUE(target().load(*dumped));
  EXPECT_EQ(target().dump().value(), *dumped);
  // A new adoption after explicit ids gets a fresh one.
  Adoption next = adoption();
  auto id = target().save_adoption(next);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_GT(*id, 40);
}

}  // namespace
}  // namespace bdp::testing
