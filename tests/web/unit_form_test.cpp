// The back office's unit form: what each field accepts, and that a refusal names its field and
// keeps the stored unit unchanged in what it returns.
#include "web/unit_form.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

Unit stored() {
  Unit u;
  u.id = 1;
  u.slug = "srem-wielkopolskie";
  u.name = "Śrem";
  u.population = {{2011, 40333}, {2013, 43061}};
  return u;
}

UnitForm form(std::initializer_list<std::pair<const char*, const char*>> values) {
  http::FormFields fields;
  for (const auto& [k, v] : values) fields.emplace(k, v);
  return UnitForm::posted(fields);
}

std::vector<std::string> refused(const CheckedUnit& checked) {
  std::vector<std::string> fields;
  for (const auto& e : checked.errors) fields.push_back(e.field + ":" + e.message_key);
  return fields;
}

TEST(UnitForm, AGoodFormMakesTheUnitAndReplacesOnlyTheFigureOfItsYear) {
  auto checked = check_unit_form(form({{"nazwa", " Śrem "},
                                       {"slug", "srem-miasto"},
                                       {"typ", "gmina miejsko-wiejska"},
                                       {"wojewodztwo", "wielkopolskie"},
                                       {"teryt", "3026043"},
                                       {"ludnosc", "43100"},
                                       {"rok_ludnosci", "2013"},
                                       {"szerokosc", "52,0887"},
                                       {"dlugosc", "17.0147"}}),
                                 stored());
  EXPECT_TRUE(checked.errors.empty()) << testing::PrintToString(refused(checked));
  EXPECT_EQ(checked.unit.id, 1);
  EXPECT_EQ(checked.unit.name, "Śrem");
  EXPECT_EQ(checked.unit.slug, "srem-miasto");
  EXPECT_EQ(checked.unit.population, (std::vector<PopulationFigure>{{2011, 40333}, {2013, 43100}}));
  EXPECT_EQ(checked.unit.latitude, 52.0887);
  EXPECT_EQ(checked.unit.longitude, 17.0147);
}

TEST(UnitForm, AnEmptySlugIsTheNamesAndEmptyCoordinatesAreNone) {
  auto unit = stored();
  unit.latitude = 1;
  unit.longitude = 2;
  auto checked = check_unit_form(form({{"nazwa", "Gmina Łęki Szlacheckie"}}), unit);
  EXPECT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.unit.slug, "gmina-leki-szlacheckie");
  EXPECT_EQ(checked.unit.latitude, std::nullopt);
  EXPECT_EQ(checked.unit.population, stored().population) << "no figure typed: the series stays";
}

TEST(UnitForm, EachBadFieldIsRefusedWithItsOwnMessage) {
  auto checked = check_unit_form(form({{"nazwa", ""},
                                       {"slug", "Śrem!"},
                                       {"typ", "kraj"},
                                       {"wojewodztwo", "bawaria"},
                                       {"teryt", "12345"},
                                       {"ludnosc", "40 333"},
                                       {"rok_ludnosci", "13"},
                                       {"szerokosc", "95"},
                                       {"dlugosc", "wschód"}}),
                                 stored());
  EXPECT_EQ(refused(checked),
            (std::vector<std::string>{
                "nazwa:submit.error.required", "slug:unit.error.slug", "typ:submit.error.choose",
                "wojewodztwo:submit.error.choose", "teryt:unit.error.teryt",
                "ludnosc:submit.error.number", "rok_ludnosci:unit.error.year",
                "szerokosc:unit.error.latitude", "dlugosc:unit.error.longitude"}));
}

TEST(UnitForm, HalfAPairIsRefusedOnTheMissingHalf) {
  EXPECT_EQ(refused(check_unit_form(form({{"nazwa", "Śrem"}, {"szerokosc", "52"}}), stored())),
            std::vector<std::string>{"dlugosc:unit.error.coordinates_pair"});
  EXPECT_EQ(refused(check_unit_form(form({{"nazwa", "Śrem"}, {"ludnosc", "100"}}), stored())),
            std::vector<std::string>{"rok_ludnosci:unit.error.year"});
  EXPECT_EQ(refused(check_unit_form(form({{"nazwa", std::string(201, 'a').c_str()}}), stored())),
            std::vector<std::string>{"nazwa:submit.error.too_long"});
  EXPECT_EQ(refused(check_unit_form(form({{"nazwa", "Śrem"}, {"teryt", "30"}}), stored())),
            std::vector<std::string>{})
      << "a voivodeship's code";
}

TEST(UnitForm, TheFormOfAUnitShowsItsNewestFigure) {
  const auto f = UnitForm::of(stored());
  EXPECT_EQ(f.value("ludnosc"), "43061");
  EXPECT_EQ(f.value("rok_ludnosci"), "2013");
  EXPECT_EQ(f.value("szerokosc"), "");
  EXPECT_EQ(f.value("nie-ma"), "");
}

}  // namespace
}  // namespace bdp::web
