#include "legacy/metryka_values.h"

#include <gtest/gtest.h>

namespace bdp::legacy {
namespace {

TEST(MetrykaValues, ReadsIsoAndPolishDates) {
  EXPECT_EQ(read_date("2011-03-03"), "2011-03-03");
  EXPECT_EQ(read_date(" 3.03.2011 r."), "2011-03-03");
  EXPECT_EQ(read_date("27-06-2013"), "2013-06-27");
  EXPECT_EQ(read_date("29.02.2012"), "2012-02-29");
  for (const char* bad : {"", "2011-02-30", "2011-13-01", "marzec 2011", "11-03-03", "2011-03"}) {
    EXPECT_FALSE(read_date(bad)) << bad;
  }
}

TEST(MetrykaValues, ReadsPopulationWithThousandsSeparators) {
  EXPECT_EQ(read_population("40.333"), 40333);
  EXPECT_EQ(read_population("1.555.439"), 1555439);
  EXPECT_EQ(read_population("52 993"), 52993);
  EXPECT_EQ(read_population("43061"), 43061);
  EXPECT_EQ(read_population("40,333 osób"), 40333);
  for (const char* bad : {"", "ok. 40 tys.", "40.5", "40.3333", "brak danych"}) {
    EXPECT_FALSE(read_population(bad)) << bad;
  }
}

TEST(MetrykaValues, SplitsPostalCodeAndPostOffice) {
  EXPECT_EQ(read_postal_address("63-100 Śrem").code, "63-100");
  EXPECT_EQ(read_postal_address("63-100 Śrem").office, "Śrem");
  EXPECT_EQ(read_postal_address(" Śrem").code, "");
  EXPECT_EQ(read_postal_address(" Śrem").office, "Śrem");
  EXPECT_EQ(read_postal_address("63100 Śrem").code, "63-100");
  EXPECT_EQ(read_postal_address("631 Śrem").code, "");
}

TEST(MetrykaValues, KnowsTheSixteenVoivodeshipsInAnyCase) {
  EXPECT_TRUE(is_voivodeship("wielkopolskie"));
  EXPECT_TRUE(is_voivodeship("Łódzkie"));
  EXPECT_TRUE(is_voivodeship("ŚWIĘTOKRZYSKIE"));
  EXPECT_FALSE(is_voivodeship("śremskie"));
}

}  // namespace
}  // namespace bdp::legacy
