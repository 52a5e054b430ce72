#include "import/mapper.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>

#include "core/slug.h"
#include "legacy/plain_text.h"

namespace bdp::legacy {
namespace {

std::string level_of(std::string_view type) {
  if (type == "powiat") return "powiat";
  if (type == "województwo") return "województwo";
  if (type.starts_with("związek")) return "związek";
  return "gmina";
}

std::string sha256_hex16(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

// "www.opssrem.lap.pl" → "http://www.opssrem.lap.pl": without a scheme a link would be relative.
std::string website_of(const std::string& written, std::vector<Warning>& warnings) {
  if (written.empty()) return {};
  if (written.find(' ') != std::string::npos || written.find('.') == std::string::npos) {
    warnings.push_back({"Witryna internetowa", "not an address: '" + written + "'"});
    return {};
  }
  if (written.starts_with("http://") || written.starts_with("https://")) return written;
  return "http://" + written;
}

Unit unit_of(const Metryka& m, std::vector<Warning>& warnings) {
  Unit unit;
  const auto& types = unit_types();
  if (std::find(types.begin(), types.end(), m.unit_type) != types.end()) {
    unit.type = m.unit_type;
  } else if (!m.unit_type.empty()) {
    warnings.push_back(
        {"Typ jednostki", "not a known unit type, left empty: '" + m.unit_type + "'"});
  }
  unit.town = m.town;
  unit.county = m.county;
  unit.voivodeship = m.voivodeship;
  const std::string level = level_of(unit.type);
  if (level == "powiat") {
    unit.name = "Powiat " + (m.county.empty() ? m.town : m.county);
  } else if (level == "województwo") {
    unit.name = "Województwo " + m.voivodeship;
  } else {
    unit.name = m.town;
  }
  unit.slug = slugify(unit.name + " " + unit.voivodeship);
  const std::string year = m.entered_on.substr(0, 4);
  int y = 0;
  if (m.population &&
      std::from_chars(year.data(), year.data() + year.size(), y).ec == std::errc{} &&
      year.size() == 4) {
    unit.population.push_back({y, *m.population});
  } else if (m.population) {
    warnings.push_back(
        {"Liczba mieszkańców", "no date of entry, so the figure is kept on the practice only"});
  }
  return unit;
}

std::vector<Contact> contacts_of(const Metryka& m, std::vector<Warning>& warnings) {
  std::vector<Contact> out;
  for (const auto& contact : m.contacts) {
    if (contact.name.empty()) {
      warnings.push_back({"Osoby kontaktowe", "a contact without a name is not imported: '" +
                                                  contact.position + " " + contact.email + "'"});
      continue;
    }
    out.push_back(contact);
  }
  return out;
}

}  // namespace

std::string source_key(const LegacyPage& page) {
  if (page.art) return "legacy:art:" + std::to_string(*page.art);
  return "legacy:sha:" + sha256_hex16(page.title + "\n" + page.metryka.entered_on);
}

std::vector<std::string> former_source_keys(const LegacyPage& page) {
  if (page.art || page.section_path.size() != 1) return {};
  LegacyPage misread = page;
  misread.title = collapse_spaces(page.section_path.front() + " " + page.title);
  return {source_key(misread)};
}

std::string unit_match_key(const Unit& unit) {
  return level_of(unit.type) + "|" + fold(unit.town) + "|" + fold(unit.voivodeship);
}

Result<MappedPage> map_page(const LegacyPage& page, const std::string& source_file) {
  const Metryka& m = page.metryka;
  if (m.town.empty() || m.voivodeship.empty()) {
    return fail(ErrorKind::invalid_input,
                "the page names no unit (Miejscowość and Województwo are needed)");
  }
  MappedPage out;
  out.warnings = page.warnings;
  out.section_path = page.section_path;
  out.unit = unit_of(m, out.warnings);
  Practice& p = out.practice;
  p.id = page.art.value_or(0);
  p.slug = slugify(page.title);
  p.title = page.title;
  p.summary = page.summary;
  p.entered_on = m.entered_on;
  p.implementing_body = m.implementing_body;
  p.postal_code = m.postal_code;
  p.post_office = m.post_office;
  p.street = m.street;
  p.website = website_of(m.website, out.warnings);
  p.population = m.population;
  p.contacts = contacts_of(m, out.warnings);
  p.presentation = page.presentation;
  p.attachments = page.attachments;
  p.provenance = {"legacy", page.programme, "imported from the old portal, file " + source_file};
  p.source_key = source_key(page);
  out.former_source_keys = former_source_keys(page);
  p.status = PracticeStatus::published;
  if (!page.art) {
    out.warnings.push_back({"page",
                            "no old id (art) on the page or in the file name; the "
                            "practice gets a new id and old links to it cannot be kept"});
  }
  return out;
}

}  // namespace bdp::legacy
