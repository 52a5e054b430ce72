// The URL scheme of the pages, written once (model/permalink.h).
#include "model/permalink.h"

#include <gtest/gtest.h>

namespace bdp {
namespace {

TEST(Permalink, PathsOfPracticesUnitsAndSections) {
  Practice p;
  p.id = 12;
  p.slug = "centrum-aktywnosci-lokalnej";
  EXPECT_EQ(practice_path(p), "/praktyki/12-centrum-aktywnosci-lokalnej");
  EXPECT_EQ(practice_path(7, "x"), "/praktyki/7-x");
  EXPECT_EQ(practice_id_path(12), "/praktyki/12");
  Unit u;
  u.slug = "srem-wielkopolskie";
  EXPECT_EQ(unit_path(u), "/jednostki/srem-wielkopolskie");
  Section s;
  s.slug = "pomoc-spoleczna";
  EXPECT_EQ(section_path(s), "/dzialy/pomoc-spoleczna");
}

}  // namespace
}  // namespace bdp
