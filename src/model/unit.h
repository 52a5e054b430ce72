// Unit: a local-government unit (JST), first-class so that all practices of one place link to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bdp {

// Unit types as labelled on the old pages (Polish data): "gmina miejska", "gmina wiejska",
// "gmina miejsko-wiejska", "miasto na prawach powiatu", "powiat", "województwo",
// "związek/porozumienie JST".
const std::vector<std::string>& unit_types();
// The 16 voivodeships, lower case, in Polish alphabetical order.
const std::vector<std::string>& voivodeships();

// One population figure of a unit; a unit keeps a dated series, newest last.
struct PopulationFigure {
  int year = 0;
  std::int64_t count = 0;
  bool operator==(const PopulationFigure&) const = default;
};

struct Unit {
  std::int64_t id = 0;                       // 0 until stored
  std::string slug;                          // stable, unique: "srem-wielkopolskie"
  std::string name;                          // "Śrem"
  std::string type;                          // one of unit_types()
  std::string town;                          // Miejscowość
  std::string county;                        // Powiat ("" when unknown)
  std::string voivodeship;                   // Województwo, lower case ("wielkopolskie")
  std::string teryt;                         // TERYT code when known
  std::vector<PopulationFigure> population;  // sorted by year
  std::optional<double> latitude, longitude;
  bool operator==(const Unit&) const = default;

  // The newest population figure, if any.
  std::optional<PopulationFigure> current_population() const;
};

}  // namespace bdp
