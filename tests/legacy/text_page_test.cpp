#include "legacy/text_page.h"

#include <gtest/gtest.h>

#include "fixture.h"
#include "seed_pages.h"
#include "warnings.h"

namespace bdp::legacy {
namespace {

using test::read_fixture;

using test::has_warning;

TEST(TextPage, ReadsEveryFieldOfTheFirstSeed) {
  const auto page = parse_text_page(read_fixture("000_1196ef917f521a9f.txt"));
  ASSERT_TRUE(page) << page.error().message;
  test::expect_seed0(*page);
  EXPECT_FALSE(page->art);
  EXPECT_EQ(page->warnings.size(), 0u) << page->warnings.front().message;
}

TEST(TextPage, ReadsEveryFieldOfTheSecondSeed) {
  const auto page = parse_text_page(read_fixture("002_4fc2ead593ecafaa.txt"));
  ASSERT_TRUE(page) << page.error().message;
  test::expect_seed2(*page);
  EXPECT_TRUE(page->attachments.empty());
  EXPECT_FALSE(page->art);
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_TRUE(has_warning(*page, "Kod pocztowy i Poczta", "no postal code, only 'Śrem'"));
}

}  // namespace
}  // namespace bdp::legacy
