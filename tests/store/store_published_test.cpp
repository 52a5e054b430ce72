// Cursor pages of published practices (the open-data API and dumps): order by id, the cursor,
// modified_since, and the section, voivodeship and unit-type filters, on every engine.
#include <gtest/gtest.h>

#include "engines.h"
#include "samples.h"

namespace bdp::testing {
namespace {

class PublishedTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto social = store().save_section(sample_section("uslugi-spoleczne", "Usługi społeczne"));
    ASSERT_TRUE(social);
    auto welfare = store().save_section(sample_section("pomoc-spoleczna", "Pomoc", *social));
    auto other = store().save_section(sample_section("dialog-spoleczny", "Dialog społeczny"));
    auto srem = store().save_unit(sample_unit());
    Unit opole = sample_unit("opole-opolskie");
    opole.voivodeship = "opolskie";
    opole.type = "miasto na prawach powiatu";
    auto opole_id = store().save_unit(opole);
    ASSERT_TRUE(welfare && other && srem && opole_id);
    social_ = *social;
    welfare_ = *welfare;
    other_ = *other;
    srem_ = *srem;
    opole_ = *opole_id;
  }

  std::int64_t add(std::int64_t unit, std::vector<std::int64_t> sections,
                   PracticeStatus status = PracticeStatus::published) {
    Practice p = sample_practice(unit, std::move(sections));
    p.status = status;
    auto id = store().save_practice(p);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }

  std::vector<std::int64_t> ids(const PublishedQuery& query) {
    auto page = store().published_practices(query);
    EXPECT_TRUE(page) << page.error().message;
    std::vector<std::int64_t> out;
    if (page) {
      for (const auto& p : *page) out.push_back(p.id);
    }
    return out;
  }

  // A query of the fields `set` sets (designated initialisers would leave the others unnamed).
  template <class F>
  static PublishedQuery query(F set) {
    PublishedQuery q;
    set(q);
    return q;
  }

  std::int64_t social_ = 0, welfare_ = 0, other_ = 0, srem_ = 0, opole_ = 0;
};
BDP_STORE_TEST_ON_ALL_ENGINES(PublishedTest);

TEST_P(PublishedTest, PagesByIdFromTheCursorWithPublishedOnly) {
  const auto a = add(srem_, {social_});
  add(srem_, {social_}, PracticeStatus::draft);
  const auto c = add(opole_, {other_});
  const auto d = add(srem_, {welfare_});
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.limit = 2; })), (std::vector<std::int64_t>{a, c}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) {
              q.after_id = c;
              q.limit = 2;
            })),
            (std::vector<std::int64_t>{d}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) {
              q.after_id = d;
              q.limit = 2;
            })),
            (std::vector<std::int64_t>{}));
  // Children are read as by practice(): contacts and sections included.
  auto page = store().published_practices(query([&](PublishedQuery& q) { q.limit = 1; }));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1U);
  EXPECT_EQ(page->front(), *store().practice(a));
}

TEST_P(PublishedTest, FiltersBySectionWithSubsectionsVoivodeshipAndUnitType) {
  const auto a = add(srem_, {social_});
  const auto b = add(opole_, {other_});
  const auto c = add(srem_, {welfare_});
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.section_id = social_; })),
            (std::vector<std::int64_t>{a, c}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.voivodeship = "opolskie"; })),
            (std::vector<std::int64_t>{b}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.unit_type = "gmina miejsko-wiejska"; })),
            (std::vector<std::int64_t>{a, c}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) {
              q.section_id = welfare_;
              q.voivodeship = "wielkopolskie";
            })),
            (std::vector<std::int64_t>{c}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) {
              q.section_id = other_;
              q.voivodeship = "wielkopolskie";
            })),
            (std::vector<std::int64_t>{}));
}

TEST_P(PublishedTest, ModifiedSinceComparesTheStoreTimestamps) {
  const auto a = add(srem_, {social_});
  const auto stamped = store().practice(a);
  ASSERT_TRUE(stamped);
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.modified_since = stamped->updated_at; })),
            (std::vector<std::int64_t>{a}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.modified_since = "2999-01-01T00:00:00Z"; })),
            (std::vector<std::int64_t>{}));
  EXPECT_EQ(ids(query([&](PublishedQuery& q) { q.modified_since = "2000-01-01T00:00:00Z"; })),
            (std::vector<std::int64_t>{a}));
}

TEST_P(PublishedTest, RefusesALimitOutOfRangeAndAnUnknownSection) {
  EXPECT_EQ(
      store().published_practices(query([&](PublishedQuery& q) { q.limit = 0; })).error().kind,
      ErrorKind::invalid_input);
  EXPECT_EQ(
      store().published_practices(query([&](PublishedQuery& q) { q.limit = 1001; })).error().kind,
      ErrorKind::invalid_input);
  EXPECT_EQ(store()
                .published_practices(query([&](PublishedQuery& q) { q.section_id = 9999; }))
                .error()
                .kind,
            ErrorKind::not_found);
}

}  // namespace
}  // namespace bdp::testing
