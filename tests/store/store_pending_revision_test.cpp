// The pending revision of a published practice, on every engine: proposing one records a
// revision and leaves the published content as it is; a second proposal replaces it and keeps
// its base; it shows in the in-review queue; it is refused for an unpublished practice and for
// the published content itself; dropping it keeps its revision; it goes with its practice; a
// removed section or merged unit it names gives way to the one that took over (or the revision
// is dropped).
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class PendingRevisionTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const auto section = store().save_section(sample_section("pomoc", "Pomoc")).value_or(0);
    const auto unit = store().save_unit(sample_unit()).value_or(0);
    published_ = sample_practice(unit, {section});
    published_.status = PracticeStatus::published;
    published_.id = store().save_practice(published_).value_or(0);
    ASSERT_GT(published_.id, 0);
  }
  Result<PendingRevision> propose(const Practice& content, const RevisionNote& note) {
    Result<PendingRevision> out = fail(ErrorKind::internal, "not run");
    auto written = store().write([&](Writer& w) -> Status {
      out = w.propose_revision(content, note);
      if (!out) return std::unexpected(out.error());
      return {};
    });
    if (!written) return std::unexpected(written.error());
    return out;
  }
  Status drop() {
    return store().write([&](Writer& w) { return w.drop_pending_revision(published_.id); });
  }
  Practice published_;
};
BDP_STORE_TEST_ON_ALL_ENGINES(PendingRevisionTest);

const RevisionNote kByEwa{1'800'000'000, 7, "ewa@bdp.example.pl", "nowe dane"};

TEST_P(PendingRevisionTest, AProposalIsARevisionWhileThePublishedContentStays) {
  Practice next = published_;
  next.title = "Klub seniora — nowa edycja";
  auto pending = propose(next, kByEwa);
  ASSERT_TRUE(pending) << pending.error().message;
  EXPECT_EQ(pending->number, 2);
  EXPECT_EQ(pending->base, 1);
  EXPECT_EQ(pending->since, kByEwa.at);
  EXPECT_EQ(pending->note, kByEwa);
  auto live = store().practice(published_.id);
  ASSERT_TRUE(live);
  EXPECT_EQ(live->title, published_.title);
  EXPECT_EQ(live->status, PracticeStatus::published);
  auto revision = store().revision(published_.id, 2);
  ASSERT_TRUE(revision);
  EXPECT_EQ(with_content(*live, revision->fields)->title, "Klub seniora — nowa edycja");
  EXPECT_EQ(store().pending_revision(published_.id).value_or(PendingRevision{}), *pending);
}

TEST_P(PendingRevisionTest, ASecondProposalReplacesTheFirstAndKeepsItsBaseAfterALiveFix) {
  Practice next = published_;
  next.summary = "Nowy skrót.";
  ASSERT_TRUE(propose(next, kByEwa));
  Practice fixed = published_;
  fixed.street = "ul. Polna 2";
  ASSERT_TRUE(store().save_practice(fixed));  // revision 3, the published text
  next.title = "Klub seniora — nowa edycja";
  auto second = propose(next, RevisionNote{1'800'000'100, 8, "jan@bdp.example.pl", ""});
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->number, 4);
  EXPECT_EQ(second->base, 1);           // what the first proposal was made from
  EXPECT_EQ(second->since, kByEwa.at);  // first proposed then
  EXPECT_EQ(second->note.actor, "jan@bdp.example.pl");
  EXPECT_EQ(store().practice(published_.id)->street, "ul. Polna 2");
}

TEST_P(PendingRevisionTest, ASaveOfThePublishedTextComparesItselfWithThePublishedRevision) {
  Practice next = published_;
  next.title = "Klub seniora — nowa edycja";
  ASSERT_TRUE(propose(next, kByEwa));
  Practice archived = published_;
  archived.status = PracticeStatus::archived;
  ASSERT_TRUE(store().save_practice(archived));
  EXPECT_EQ(store().revisions(published_.id)->size(), 2U) << "a change of status is no revision";
  ASSERT_TRUE(store().save_practice(next));  // the pending text saved as the stored one
  auto all = store().revisions(published_.id);
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ((*all)[2].same_content_as, 2);
}

TEST_P(PendingRevisionTest, ItIsInTheInReviewQueueMarkedPending) {
  Practice next = published_;
  next.title = "Klub seniora — nowa edycja";
  ASSERT_TRUE(propose(next, kByEwa));
  auto queue = store().review_queue(PracticeStatus::in_review);
  ASSERT_TRUE(queue) << queue.error().message;
  ASSERT_EQ(queue->size(), 1U);
  EXPECT_EQ((*queue)[0].practice_id, published_.id);
  EXPECT_EQ((*queue)[0].title, published_.title);  // the public title
  EXPECT_TRUE((*queue)[0].pending);
  EXPECT_EQ((*queue)[0].state_since, kByEwa.at);
  EXPECT_TRUE(store().review_queue(PracticeStatus::submitted)->empty());
}

TEST_P(PendingRevisionTest, AnUnpublishedPracticeOrThePublishedContentIsRefused) {
  auto same = propose(published_, kByEwa);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().kind, ErrorKind::conflict);
  Practice draft = published_;
  draft.status = PracticeStatus::in_review;
  ASSERT_TRUE(store().save_practice(draft));
  draft.title = "Inny tytuł";
  auto refused = propose(draft, kByEwa);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  Practice nobody = published_;
  nobody.id = published_.id + 100;
  auto missing = propose(nobody, kByEwa);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().pending_revision(published_.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().revisions(published_.id)->size(), 1U);  // nothing recorded
}

TEST_P(PendingRevisionTest, DroppingKeepsItsRevisionAndItGoesWithThePractice) {
  Practice next = published_;
  next.title = "Klub seniora — nowa edycja";
  ASSERT_TRUE(propose(next, kByEwa));
  ASSERT_TRUE(drop());
  EXPECT_EQ(store().pending_revision(published_.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(drop().error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().revisions(published_.id)->size(), 2U);
  ASSERT_TRUE(propose(next, kByEwa));
  ASSERT_TRUE(store().delete_practice(published_.id));
  EXPECT_EQ(store().pending_revision(published_.id).error().kind, ErrorKind::not_found);
}

TEST_P(PendingRevisionTest, ARemovedSectionsPendingRevisionNamesTheOneThatTookOverOrIsDropped) {
  const auto kultura = store().save_section(sample_section("kultura", "Kultura")).value_or(0);
  const auto sport = store().save_section(sample_section("sport", "Sport")).value_or(0);
  ASSERT_GT(sport, 0);
  const auto remove = [&](std::int64_t id, std::optional<std::int64_t> into) {
    return store().write([&](Writer& w) { return w.remove_section(id, into, kByEwa); });
  };
  Practice next = published_;
  next.title = "Klub seniora — nowa edycja";
  next.section_ids = {kultura};
  ASSERT_TRUE(propose(next, kByEwa));
  EXPECT_EQ(remove(kultura, std::nullopt).error().kind, ErrorKind::conflict)
      << "only the pending revision names it: not empty";

  ASSERT_TRUE(remove(kultura, sport));
  auto pending = store().pending_revision(published_.id);
  ASSERT_TRUE(pending) << pending.error().message;
  EXPECT_EQ(pending->base, 1) << "proposed again on the same base";
  auto revision = store().revision(published_.id, pending->number);
  ASSERT_TRUE(revision);
  auto content = with_content(published_, revision->fields);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->section_ids, std::vector<std::int64_t>{sport});
  EXPECT_EQ(content->title, "Klub seniora — nowa edycja");

  // A pending revision that differs only by the section becomes the published text: dropped.
  Practice moved = published_;
  moved.section_ids = {sport};
  ASSERT_TRUE(propose(moved, kByEwa));
  ASSERT_TRUE(remove(sport, published_.section_ids.front()));
  EXPECT_EQ(store().pending_revision(published_.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(store().practice(published_.id)->section_ids, published_.section_ids);
}

TEST_P(PendingRevisionTest, AMergedUnitsPendingRevisionNamesTheUnitThatStays) {
  const auto duplicate = store().save_unit(sample_unit("srem")).value_or(0);
  ASSERT_GT(duplicate, 0);
  Practice next = published_;
  next.unit_id = duplicate;
  next.title = "Klub seniora — nowa edycja";
  ASSERT_TRUE(propose(next, kByEwa));
  ASSERT_TRUE(store().write(
      [&](Writer& w) { return w.merge_unit(duplicate, published_.unit_id, kByEwa); }));
  auto pending = store().pending_revision(published_.id);
  ASSERT_TRUE(pending) << pending.error().message;
  auto revision = store().revision(published_.id, pending->number);
  ASSERT_TRUE(revision);
  auto content = with_content(published_, revision->fields);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->unit_id, published_.unit_id);
  EXPECT_EQ(content->title, "Klub seniora — nowa edycja");
}

}  // namespace
}  // namespace bdp::testing
