#include "legacy/metryka_block.h"

#include <algorithm>
#include <array>

#include "legacy/contacts.h"
#include "legacy/metryka_values.h"
#include "legacy/plain_text.h"

namespace bdp::legacy {
namespace {

constexpr std::string_view entered_on = "Data wprowadzenia do BDP";
constexpr std::string_view unit_type = "Typ jednostki";
constexpr std::string_view town = "Miejscowość";
constexpr std::string_view county = "Powiat";
constexpr std::string_view voivodeship = "Województwo";
constexpr std::string_view postal = "Kod pocztowy i Poczta";
constexpr std::string_view implementing_body = "Jednostka wdrażająca";
constexpr std::string_view street = "Ulica";
constexpr std::string_view website = "Witryna internetowa";
constexpr std::string_view population = "Liczba mieszkańców";
constexpr std::string_view contacts = "Osoby kontaktowe";

struct Label {
  std::string_view written;    // as it may appear on a page, folded
  std::string_view canonical;  // one of the constants above
};

// Every spelling met on the old pages, folded; "Wirtyna" is a typo of one of them.
constexpr std::array<Label, 14> labels = {{
    {"data wprowadzenia do bdp", entered_on},
    {"typ jednostki", unit_type},
    {"miejscowość", town},
    {"powiat", county},
    {"województwo", voivodeship},
    {"kod pocztowy i poczta", postal},
    {"jednostka wdrażająca", implementing_body},
    {"ulica", street},
    {"witryna internetowa", website},
    {"wirtyna internetowa", website},
    {"strona internetowa", website},
    {"liczba mieszkańców", population},
    {"osoby kontaktowe", contacts},
    {"osoba kontaktowa", contacts},
}};

// The canonical label `line` starts with ("Label:" with the colon), or "".
std::string_view label_of(std::string_view line, std::string_view* value = nullptr) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon > 40) return {};
  const std::string folded = fold(line.substr(0, colon));
  for (const auto& label : labels) {
    if (folded != label.written) continue;
    if (value) *value = trim(line.substr(colon + 1));
    return label.canonical;
  }
  return {};
}

// "Fax:  61 28 36 100" outside the contacts: a field this importer does not know.
bool looks_like_unknown_label(std::string_view line) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return false;
  for (const char c : line.substr(0, colon)) {
    if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == '.') return false;
  }
  return true;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return collapse_spaces(out);
}

}  // namespace

bool MetrykaBlock::is_field_line(std::string_view line) {
  return !label_of(line).empty();
}

void MetrykaBlock::add(std::string_view line) {
  std::string_view value;
  if (const auto label = label_of(line, &value); !label.empty()) {
    fields_.push_back({std::string(label), {std::string(value)}});
    blank_in_contacts_ = false;
    return;
  }
  if (fields_.empty()) {
    if (!line.empty()) stray_.emplace_back(line);
    return;
  }
  Field& last = fields_.back();
  if (last.label != contacts && looks_like_unknown_label(line)) {
    unknown_.emplace_back(line);
    return;
  }
  if (last.label == contacts && line.empty()) blank_in_contacts_ = true;
  last.lines.emplace_back(line);
}

bool MetrykaBlock::ends_before(std::string_view line) const {
  if (!blank_in_contacts_ || line.empty() || is_field_line(line)) return false;
  const std::string folded = fold(line);
  const bool detail = folded.starts_with("tel") || folded.starts_with("fax") ||
                      folded.starts_with("faks") || folded.find('@') != std::string::npos;
  if (detail) return false;
  return !looks_like_name(line);  // a new person starts with a name
}

Metryka MetrykaBlock::read(std::vector<Warning>& warnings) const {
  Metryka m;
  for (const auto& text : stray_) {
    warnings.push_back(
        {"Metryka praktyki", "text before the first field not imported: '" + text + "'"});
  }
  for (const auto& text : unknown_) {
    warnings.push_back({"Metryka praktyki", "unknown field not imported: '" + text + "'"});
  }
  std::vector<std::string_view> seen;
  for (const auto& field : fields_) {
    const std::string_view label = field.label;
    const std::string value = joined(field.lines);
    if (std::find(seen.begin(), seen.end(), label) != seen.end()) {
      warnings.push_back({field.label, "repeated; the first value is kept, not '" + value + "'"});
      continue;
    }
    seen.push_back(label);
    if (label == entered_on) {
      if (auto date = read_date(value)) {
        m.entered_on = *date;
      } else {
        warnings.push_back({field.label, "not a date: '" + value + "'"});
      }
    } else if (label == unit_type) {
      m.unit_type = fold(value);
    } else if (label == town) {
      m.town = value;
    } else if (label == county) {
      m.county = value;
    } else if (label == voivodeship) {
      m.voivodeship = fold(value);
      if (!value.empty() && !is_voivodeship(value)) {
        warnings.push_back({field.label, "not one of the 16 voivodeships: '" + value + "'"});
      }
    } else if (label == postal) {
      auto address = read_postal_address(value);
      if (address.code.empty() && !value.empty()) {
        warnings.push_back({field.label, "no postal code, only '" + address.office + "'"});
      }
      m.postal_code = std::move(address.code);
      m.post_office = std::move(address.office);
    } else if (label == implementing_body) {
      m.implementing_body = value;
    } else if (label == street) {
      m.street = value;
    } else if (label == website) {
      m.website = value;
    } else if (label == population) {
      m.population = read_population(value);
      if (!m.population && !value.empty()) {
        warnings.push_back({field.label, "not a number: '" + value + "'"});
      }
    } else if (label == contacts) {
      std::vector<std::string> lines;
      lines.reserve(field.lines.size());
      for (const auto& line : field.lines) lines.push_back(collapse_spaces(line));
      while (!lines.empty() && lines.back().empty()) lines.pop_back();
      m.contacts = read_contacts(lines, warnings);
    }
  }
  for (const auto required : {entered_on, unit_type, town, voivodeship}) {
    if (std::find(seen.begin(), seen.end(), required) == seen.end()) {
      warnings.push_back({std::string(required), "missing"});
    }
  }
  return m;
}

}  // namespace bdp::legacy
