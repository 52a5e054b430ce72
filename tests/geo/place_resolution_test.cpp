#include "geo/place_resolution.h"

#include <gtest/gtest.h>

#include "gazetteer_fixture.h"

namespace bdp::geo {
namespace {

Unit unit(std::string town, std::string voivodeship, std::string county = "",
          std::string teryt = "") {
  Unit u;
  u.name = town;
  u.town = std::move(town);
  u.voivodeship = std::move(voivodeship);
  u.county = std::move(county);
  u.teryt = std::move(teryt);
  return u;
}

ResolvedPlace resolve(const Unit& u) {
  return resolve_place(u, shipped_gazetteer());
}

TEST(PlaceResolution, FindsSremInWielkopolskie) {
  const auto place = resolve(unit("Śrem", "wielkopolskie", "śremski"));
  EXPECT_EQ(place.source, PlaceSource::gazetteer);
  EXPECT_EQ(place.label, "Śrem");
  ASSERT_TRUE(place.point);
  EXPECT_NEAR(place.point->lon, 17.01508, 1e-5);
  EXPECT_NEAR(place.point->lat, 52.08868, 1e-5);
  EXPECT_FALSE(place.approximate());
}

TEST(PlaceResolution, FindsSmallGminaSeats) {
  // Seats of rural gminy of a few thousand people or fewer.
  for (const auto& [town, voivodeship] :
       {std::pair{"Żyrzyn", "lubelskie"}, {"Dolsk", "wielkopolskie"}, {"Brody", "lubuskie"}}) {
    const auto place = resolve(unit(town, voivodeship));
    EXPECT_EQ(place.source, PlaceSource::gazetteer) << town;
    EXPECT_EQ(place.label, town);
  }
}

TEST(PlaceResolution, FoldsDiacriticsCaseAndHyphens) {
  EXPECT_EQ(resolve(unit("LODZ", "lodzkie")).label, "Łódź");
  EXPECT_EQ(resolve(unit("Kędzierzyn Koźle", "opolskie")).label, "Kędzierzyn-Koźle");
  EXPECT_EQ(resolve(unit("Bielsko-Biała", "śląskie")).label, "Bielsko-Biala");
}

TEST(PlaceResolution, TellsTheSameNameInTwoVoivodeshipsApartByVoivodeship) {
  const auto lubelskie = resolve(unit("Baranów", "lubelskie"));
  const auto wielkopolskie = resolve(unit("Baranów", "wielkopolskie"));
  ASSERT_TRUE(lubelskie.point && wielkopolskie.point);
  EXPECT_NEAR(lubelskie.point->lon, 22.136, 0.001);
  EXPECT_NEAR(wielkopolskie.point->lon, 18.005, 0.001);
  // Baranów in mazowieckie is not in the gazetteer: not placed in another voivodeship.
  EXPECT_TRUE(resolve(unit("Baranów", "mazowieckie")).approximate());
}

TEST(PlaceResolution, PrefersThePlaceOfTheUnitsTerytCountyWithinAVoivodeship) {
  // Two places named Zarzecze in podkarpackie: the most populous (1812) without a code.
  EXPECT_NEAR(resolve(unit("Zarzecze", "podkarpackie")).point->lon, 22.195, 0.001);
  EXPECT_NEAR(resolve(unit("Zarzecze", "podkarpackie", "", "1814092")).point->lon, 22.537, 0.001);
}

TEST(PlaceResolution, TriesTheUnitsNameWithoutGmina) {
  Unit u = unit("", "wielkopolskie");
  u.name = "Gmina Dolsk";
  EXPECT_EQ(resolve(u).label, "Dolsk");
}

TEST(PlaceResolution, AnUnknownTownFallsBackToItsCountysCentreAndIsListed) {
  const auto by_name = resolve(unit("Nibylandia", "wielkopolskie", "śremski"));
  EXPECT_EQ(by_name.source, PlaceSource::county_centre);
  EXPECT_EQ(by_name.label, "powiat śremski");
  EXPECT_TRUE(by_name.approximate());
  const auto by_teryt = resolve(unit("Nibylandia", "wielkopolskie", "", "3026"));
  EXPECT_EQ(by_teryt.source, PlaceSource::county_centre);
  EXPECT_EQ(by_teryt.point, by_name.point);
  EXPECT_NEAR(by_name.point->lat, 52.05, 0.2);
}

TEST(PlaceResolution, WithoutACountyFallsBackToTheVoivodeshipsCentre) {
  const auto place = resolve(unit("Nibylandia", "wielkopolskie"));
  EXPECT_EQ(place.source, PlaceSource::voivodeship_centre);
  EXPECT_EQ(place.label, "wielkopolskie");
  EXPECT_TRUE(place.approximate());
  EXPECT_NEAR(place.point->lon, 17.25, 0.1);
  // The voivodeship from the TERYT code when the unit names none.
  EXPECT_EQ(resolve(unit("Nibylandia", "", "", "30")).label, "wielkopolskie");
}

TEST(PlaceResolution, UnknownVoivodeshipIsNotOnTheMap) {
  const auto place = resolve(unit("Śrem", ""));
  EXPECT_EQ(place.source, PlaceSource::unknown);
  EXPECT_FALSE(place.point);
  EXPECT_TRUE(place.approximate());
}

TEST(PlaceResolution, CoordinatesSetByHandWin) {
  Unit u = unit("Śrem", "wielkopolskie");
  u.latitude = 52.1;
  u.longitude = 17.02;
  const auto place = resolve(u);
  EXPECT_EQ(place.source, PlaceSource::hand);
  EXPECT_EQ(place.point, (LonLat{17.02, 52.1}));
  EXPECT_STREQ(to_string(place.source), "hand");
}

}  // namespace
}  // namespace bdp::geo
