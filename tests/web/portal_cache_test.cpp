// The page cache of the running pipeline follows changes by tag (cache_tags.h): a change drops
// the pages that show what changed and keeps the others.
#include <gtest/gtest.h>

#include "../support/portal_fixture.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

class PortalCache : public bdp::testing::PortalFixture {
 protected:
  // Demo data: practice 1 (unit 1, section 11 under 10), practice 2 (unit 1, section 3 under 1).
  void fill() {
    for (const auto& target : targets()) ASSERT_EQ(get(target).status, 200) << target;
    ASSERT_EQ(portal->cached_pages(), targets().size());
  }
  std::vector<std::string> targets() {
    return {"/",
            path(1),
            path(2),
            "/dzialy/wspolpraca-jst-ngo",
            "/dzialy/wspolpraca-jst-ngo-praktyki",
            "/dzialy/uslugi-spoleczne",
            "/dzialy/pomoc-spoleczna",
            "/jednostki/srem-wielkopolskie",
            "/smup"};
  }
  std::string path(std::int64_t id) { return practice_path(*sqlite->practice(id)); }
};

TEST_F(PortalCache, APracticeChangeDropsItsPagesItsListingsAndHomeOnly) {
  fill();
  portal->drop_stale(
      {{1, EntityKind::practice, 1, false, {{EntityKind::unit, 1}, {EntityKind::section, 11}}}});
  // Kept: practice 2, the listings of sections 1 and 3, the SMUP page.
  EXPECT_EQ(portal->cached_pages(), 4u);
}

TEST_F(PortalCache, AUnitChangeDropsThePagesShowingTheUnit) {
  fill();
  portal->drop_stale({{1, EntityKind::unit, 1, false, {}}});
  EXPECT_EQ(portal->cached_pages(), 1u) << "every page but SMUP names unit 1";
}

TEST_F(PortalCache, AnEditFollowedThroughTheChangeLogShowsAtOnce) {
  fill();
  auto practice = sqlite->practice(1);
  ASSERT_TRUE(practice);
  practice->title = "Nowy tytuł praktyki";
  ASSERT_TRUE(sqlite->save_practice(*practice));
  portal->on_changes();
  for (const auto& target :
       {path(1), std::string("/"), std::string("/dzialy/wspolpraca-jst-ngo")}) {
    EXPECT_NE(get(target).body.find("Nowy tytuł praktyki"), std::string::npos) << target;
  }
}

TEST_F(PortalCache, ANewDayDropsEveryPageOnceSoThatDateBoundNoticesShow) {
  EXPECT_FALSE(portal->start_day("2026-12-04")) << "the first day only starts";
  fill();
  EXPECT_FALSE(portal->start_day("2026-12-04"));
  EXPECT_EQ(portal->cached_pages(), targets().size());
  EXPECT_TRUE(portal->start_day("2026-12-05"));
  EXPECT_EQ(portal->cached_pages(), 0u);
  fill();
  EXPECT_FALSE(portal->start_day("2026-12-05"));
  EXPECT_EQ(portal->cached_pages(), targets().size());
}

}  // namespace
}  // namespace bdp::web
