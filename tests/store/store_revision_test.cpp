// Revisions of a practice, on every engine: a save that changes the content records one with who
// and why, a save that does not records none, a revert is recognised by its hash, the fields
// read back into the saved practice, a refused save records nothing, and they go with the
// practice.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class RevisionTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    section_ = store().save_section(sample_section("pomoc", "Pomoc")).value_or(0);
    unit_ = store().save_unit(sample_unit()).value_or(0);
    practice_ = sample_practice(unit_, {section_});
    practice_.status = PracticeStatus::in_review;
    practice_.id = store().save_practice(practice_).value_or(0);
    ASSERT_GT(practice_.id, 0);
  }
  Status save(const Practice& p, const RevisionNote& note) {
    return store().write([&](Writer& w) -> Status {
      auto id = w.save_practice(p, note);
      if (!id) return std::unexpected(id.error());
      return {};
    });
  }
  std::int64_t section_ = 0;
  std::int64_t unit_ = 0;
  Practice practice_;
};
BDP_STORE_TEST_ON_ALL_ENGINES(RevisionTest);

const RevisionNote kByEwa{1'800'000'000, std::nullopt, "ewa@bdp.example.pl", "literówka"};

TEST_P(RevisionTest, TheFirstSaveIsRevisionOneNotedBySystem) {
  auto all = store().revisions(practice_.id);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 1U);
  EXPECT_EQ((*all)[0].number, 1);
  EXPECT_EQ((*all)[0].note.actor, "system");
  EXPECT_GT((*all)[0].note.at, 1'700'000'000);
  EXPECT_EQ((*all)[0].content_hash.size(), 64U);
  EXPECT_TRUE((*all)[0].fields.empty());  // a list leaves the fields out
  auto one = store().revision(practice_.id, 1);
  ASSERT_TRUE(one) << one.error().message;
  auto stored = store().practice(practice_.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(one->fields, content_fields(*stored));
}

TEST_P(RevisionTest, AChangeOfContentIsANewRevisionWithItsNoteAndAStatusChangeIsNone) {
  Practice changed = practice_;
  changed.title = "Centrum Aktywności Lokalnej w Śremie";
  ASSERT_TRUE(save(changed, kByEwa));
  changed.status = PracticeStatus::published;
  ASSERT_TRUE(save(changed, RevisionNote{0, 3, "anna@bdp.example.pl", "publikacja"}));
  auto all = store().revisions(practice_.id);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[1].number, 2);
  EXPECT_EQ((*all)[1].note, kByEwa);
  EXPECT_NE((*all)[1].content_hash, (*all)[0].content_hash);
  EXPECT_FALSE((*all)[1].same_content_as.has_value());
  auto second = store().revision(practice_.id, 2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->fields[0], (ContentField{"title", "Centrum Aktywności Lokalnej w Śremie"}));
  auto read_back = with_content(*store().practice(practice_.id), second->fields);
  ASSERT_TRUE(read_back);
  EXPECT_EQ(read_back->title, changed.title);
}

TEST_P(RevisionTest, ARevertHasTheHashOfTheRevisionItRestores) {
  Practice changed = practice_;
  changed.summary = "Zmieniony skrót.";
  ASSERT_TRUE(save(changed, kByEwa));
  ASSERT_TRUE(save(practice_, kByEwa));
  auto all = store().revisions(practice_.id);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ((*all)[2].content_hash, (*all)[0].content_hash);
  EXPECT_EQ((*all)[2].same_content_as, 1);
  EXPECT_FALSE((*all)[1].same_content_as.has_value());
}

TEST_P(RevisionTest, ARefusedSaveRecordsNoRevision) {
  Practice bad = practice_;
  bad.title = "Nowy tytuł";
  bad.unit_id = unit_ + 100;  // no such unit
  EXPECT_FALSE(save(bad, kByEwa));
  auto all = store().revisions(practice_.id);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1U);
}

TEST_P(RevisionTest, AMissingRevisionIsNotFoundAndRevisionsGoWithThePractice) {
  auto missing = store().revision(practice_.id, 2);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  ASSERT_TRUE(store().delete_practice(practice_.id));
  auto all = store().revisions(practice_.id);
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
  // The id saved again starts from revision 1.
  ASSERT_TRUE(store().save_practice(practice_));
  auto again = store().revisions(practice_.id);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->size(), 1U);
  EXPECT_EQ((*again)[0].number, 1);
}

}  // namespace
}  // namespace bdp::testing
