#include "web/unit_form.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

#include "core/slug.h"
#include "core/text.h"

namespace bdp::web {
namespace {

constexpr std::size_t kMaxLine = 200;

bool is_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

template <class Number>
std::optional<Number> whole(std::string_view text) {
  Number n{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::optional<double> coordinate(std::string text, double limit) {
  std::ranges::replace(text, ',', '.');
  double d = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size() || d < -limit || d > limit) {
    return std::nullopt;
  }
  return d;
}

std::string shown(std::optional<double> d) {
  if (!d) return {};
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *d);
  return ec == std::errc() ? std::string(buffer, end) : std::string();
}

bool in_list(const std::vector<std::string>& list, const std::string& value) {
  return std::ranges::find(list, value) != list.end();
}

}  // namespace

const std::vector<FieldSpec>& unit_form_fields() {
  using K = FieldKind;
  static const std::vector<FieldSpec> fields = {
      field_spec("nazwa", "submit.unit_name", K::line, true, kMaxLine, "organization"),
      field_spec("slug", "unit.slug", K::line, false, 80, "", "unit.slug_hint"),
      field_spec("typ", "submit.unit_type", K::unit_type, false, 100),
      field_spec("miejscowosc", "submit.town", K::line, false, kMaxLine),
      field_spec("powiat", "submit.county", K::line, false, kMaxLine),
      field_spec("wojewodztwo", "submit.voivodeship", K::voivodeship, false, 100),
      field_spec("teryt", "unit.teryt", K::number, false, 7, "", "unit.teryt_hint"),
      field_spec("ludnosc", "submit.population", K::number, false, 9),
      field_spec("rok_ludnosci", "unit.population_year", K::year, false, 4, "",
                 "unit.population_year_hint"),
      field_spec("szerokosc", "unit.latitude", K::line, false, 20, "", "unit.coordinates_hint"),
      field_spec("dlugosc", "unit.longitude", K::line, false, 20)};
  return fields;
}

std::string UnitForm::value(const std::string& name) const {
  const auto found = values.find(name);
  return found == values.end() ? std::string() : found->second;
}

UnitForm UnitForm::of(const Unit& unit) {
  UnitForm form;
  auto& v = form.values;
  v["nazwa"] = unit.name;
  v["slug"] = unit.slug;
  v["typ"] = unit.type;
  v["miejscowosc"] = unit.town;
  v["powiat"] = unit.county;
  v["wojewodztwo"] = unit.voivodeship;
  v["teryt"] = unit.teryt;
  if (const auto figure = unit.current_population()) {
    v["ludnosc"] = std::to_string(figure->count);
    v["rok_ludnosci"] = std::to_string(figure->year);
  }
  v["szerokosc"] = shown(unit.latitude);
  v["dlugosc"] = shown(unit.longitude);
  return form;
}

UnitForm UnitForm::posted(const http::FormFields& fields) {
  UnitForm form;
  for (const auto& spec : unit_form_fields()) {
    form.values[spec.name] = trimmed(http::form_field(fields, spec.name).value_or(""));
  }
  return form;
}

CheckedUnit check_unit_form(const UnitForm& form, const Unit& stored) {
  CheckedUnit out{stored, {}};
  Unit& u = out.unit;
  auto& errors = out.errors;
  const auto refuse = [&](const char* field, const char* key) { errors.push_back({field, key}); };
  const auto line = [&](const char* field, std::string& into) {
    into = form.value(field);
    if (into.size() > kMaxLine) {
      refuse(field, "submit.error.too_long");
    } else if (into.find_first_of("\r\n") != std::string::npos) {
      refuse(field, "submit.error.one_line");
    }
  };
  line("nazwa", u.name);
  if (u.name.empty() && errors.empty()) refuse("nazwa", "submit.error.required");
  u.slug = form.value("slug");
  if (u.slug.empty()) u.slug = slugify(u.name);
  if (!is_slug(u.slug)) refuse("slug", "unit.error.slug");
  u.type = form.value("typ");
  if (!u.type.empty() && !in_list(unit_types(), u.type)) refuse("typ", "submit.error.choose");
  line("miejscowosc", u.town);
  line("powiat", u.county);
  u.voivodeship = form.value("wojewodztwo");
  if (!u.voivodeship.empty() && !in_list(voivodeships(), u.voivodeship)) {
    refuse("wojewodztwo", "submit.error.choose");
  }
  u.teryt = form.value("teryt");
  if (!u.teryt.empty() && !(is_digits(u.teryt) &&
                            (u.teryt.size() == 2 || u.teryt.size() == 4 || u.teryt.size() == 7))) {
    refuse("teryt", "unit.error.teryt");
  }

  const auto people = form.value("ludnosc"), year_text = form.value("rok_ludnosci");
  if (!people.empty() || !year_text.empty()) {
    const auto count = is_digits(people) ? whole<std::int64_t>(people) : std::nullopt;
    const auto year = is_digits(year_text) ? whole<int>(year_text) : std::nullopt;
    if (!count) refuse("ludnosc", "submit.error.number");
    if (!year || *year < 1000 || *year > 9999) refuse("rok_ludnosci", "unit.error.year");
    if (count && year && *year >= 1000 && *year <= 9999) {
      auto& series = u.population;
      std::erase_if(series, [&](const PopulationFigure& f) { return f.year == *year; });
      series.push_back({*year, *count});
      std::ranges::sort(series, {}, &PopulationFigure::year);
    }
  }

  const auto lat = form.value("szerokosc"), lon = form.value("dlugosc");
  if (lat.empty() != lon.empty()) {
    refuse(lat.empty() ? "szerokosc" : "dlugosc", "unit.error.coordinates_pair");
  } else if (lat.empty()) {
    u.latitude.reset();
    u.longitude.reset();
  } else {
    u.latitude = coordinate(lat, 90);
    u.longitude = coordinate(lon, 180);
    if (!u.latitude) refuse("szerokosc", "unit.error.latitude");
    if (!u.longitude) refuse("dlugosc", "unit.error.longitude");
  }
  return out;
}

}  // namespace bdp::web
