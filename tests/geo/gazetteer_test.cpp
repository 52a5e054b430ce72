#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include "gazetteer_fixture.h"

namespace bdp::geo {
namespace {

TEST(Gazetteer, HoldsThePolishPlacesAndTheSixteenVoivodeships) {
  const auto& g = shipped_gazetteer();
  EXPECT_EQ(g.places().size(), 2867u);
  ASSERT_EQ(g.voivodeships().size(), 16u);
  EXPECT_EQ(g.voivodeships().front().name, "dolnośląskie");
  EXPECT_EQ(g.voivodeships().front().teryt, "02");
  EXPECT_FALSE(g.outline().empty());
  for (const auto& v : g.voivodeships()) {
    ASSERT_FALSE(v.rings.empty()) << v.name;
    EXPECT_EQ(v.rings.front().front(), v.rings.front().back()) << v.name << ": ring not closed";
  }
}

TEST(Gazetteer, FindsAPlaceWhateverItsCaseDiacriticsAndHyphens) {
  const auto& g = shipped_gazetteer();
  ASSERT_EQ(g.named("Śrem").size(), 1u);
  const Place& srem = *g.named("Śrem").front();
  EXPECT_EQ(srem.teryt, "302604");
  EXPECT_EQ(srem.voivodeship_teryt(), "30");
  EXPECT_NEAR(srem.point.lon, 17.015, 0.001);
  EXPECT_NEAR(srem.point.lat, 52.089, 0.001);
  EXPECT_EQ(g.named("SREM").front(), &srem);
  EXPECT_EQ(g.named("Kędzierzyn Koźle").front()->name, "Kędzierzyn-Koźle");
  EXPECT_EQ(g.named("kedzierzyn-kozle").front()->name, "Kędzierzyn-Koźle");
  // GeoNames spells it without ł; units spell it with.
  EXPECT_EQ(g.named("Bielsko-Biała").front()->name, "Bielsko-Biala");
  EXPECT_TRUE(g.named("Atlantyda").empty());
  // The capital by its Polish name (GeoNames gives the English exonym).
  ASSERT_EQ(g.named("Warszawa").size(), 1u);
  EXPECT_EQ(g.named("Warszawa").front()->teryt, "146501");
  EXPECT_TRUE(g.named("Warsaw").empty());
}

TEST(Gazetteer, FindsThePlaceAVisitorTyped) {
  const auto& g = shipped_gazetteer();
  ASSERT_NE(g.find_place("srem"), nullptr);
  EXPECT_EQ(g.find_place("srem")->teryt, "302604");
  EXPECT_EQ(g.find_place("Baranów, lubelskie")->teryt, "061402");
  EXPECT_EQ(g.find_place("Baranów , Wielkopolskie")->teryt, "300801");
  EXPECT_EQ(g.find_place("Baranów")->teryt, "061402");  // the most populous of the two
  EXPECT_EQ(g.find_place("Baranów, bawaria"), nullptr);
  EXPECT_EQ(g.find_place("Atlantyda"), nullptr);
}

TEST(Gazetteer, NamesVoivodeshipsAsUnitsDo) {
  const auto& g = shipped_gazetteer();
  ASSERT_NE(g.voivodeship("łódzkie"), nullptr);
  EXPECT_EQ(g.voivodeship("łódzkie")->teryt, "10");
  EXPECT_EQ(g.voivodeship("Województwo Wielkopolskie")->teryt, "30");
  EXPECT_EQ(g.voivodeship_by_teryt("32")->name, "zachodniopomorskie");
  EXPECT_EQ(g.voivodeship("bawaria"), nullptr);
}

TEST(Gazetteer, FindsACountySeatFromTheCountysAdjective) {
  const auto& g = shipped_gazetteer();
  EXPECT_EQ(g.county_seat("śremski", "30")->name, "Śrem");
  EXPECT_EQ(g.county_seat("gorlicki", "12")->name, "Gorlice");
  EXPECT_EQ(g.county_seat("grodziski", "14")->name, "Grodzisk Mazowiecki");
  EXPECT_EQ(g.county_seat("powiat płoński", "14")->name, "Płońsk");
  EXPECT_EQ(g.county_seat("śremski", "14"), nullptr);  // not in that voivodeship
}

TEST(Gazetteer, ACountysCentreIsTheMeanOfItsPlaces) {
  const auto centre = shipped_gazetteer().county_centre("3026");
  ASSERT_TRUE(centre);
  EXPECT_NEAR(centre->lon, 17.0, 0.2);
  EXPECT_NEAR(centre->lat, 52.05, 0.2);
  EXPECT_FALSE(shipped_gazetteer().county_centre("9999"));
  EXPECT_FALSE(shipped_gazetteer().county_centre("30"));
}

TEST(Gazetteer, RefusesAFileThatIsNotOne) {
  EXPECT_EQ(Gazetteer::from_json("{").error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(Gazetteer::from_json(R"({"voivodeships":[],"outline":[],"places":[]})").error().kind,
            ErrorKind::invalid_input);
  EXPECT_EQ(Gazetteer::load("/nonexistent/gazetteer.json").error().kind, ErrorKind::not_found);
}

TEST(Distance, IsTheGreatCircleDistanceInKilometres) {
  // Śrem – Poznań: about 36 km as the crow flies.
  EXPECT_NEAR(distance_km({17.015, 52.089}, {16.929, 52.407}), 35.9, 0.5);
  EXPECT_DOUBLE_EQ(distance_km({17, 52}, {17, 52}), 0);
}

}  // namespace
}  // namespace bdp::geo
