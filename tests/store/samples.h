// Sample records for the store tests, with every field set (so a lost column shows up).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/practice.h"
#include "model/section.h"
#include "model/unit.h"

namespace bdp::testing {

inline Section sample_section(const std::string& slug, const std::string& name,
                              std::optional<std::int64_t> parent = std::nullopt, int position = 0) {
  Section section;
  section.slug = slug;
  section.name = name;
  section.parent_id = parent;
  section.position = position;
  section.legacy_key = "p_" + slug;
  return section;
}

inline Unit sample_unit(const std::string& slug = "srem-wielkopolskie") {
  Unit unit;
  unit.slug = slug;
  unit.name = "Śrem";
  unit.type = "gmina miejsko-wiejska";
  unit.town = "Śrem";
  unit.county = "śremski";
  unit.voivodeship = "wielkopolskie";
  unit.teryt = "3026033";
  unit.population = {{2011, 40333}, {2013, 43061}};
  unit.latitude = 52.0886;
  unit.longitude = 17.0148;
  return unit;
}

// A published practice with two contacts (several phones), the ten methodology sections and
// two attachments, in `sections`.
inline Practice sample_practice(std::int64_t unit_id, std::vector<std::int64_t> sections,
                                const std::string& title = "Centrum Aktywności Lokalnej") {
  Practice p;
  p.slug = "centrum-aktywnosci-lokalnej";
  p.title = title;
  p.summary = "Pierwszy akapit.\n\nDrugi akapit z \"cudzysłowem\" i <b>znacznikiem</b>.";
  p.entered_on = "2011-03-03";
  p.unit_id = unit_id;
  p.implementing_body = "Ośrodek Pomocy Społecznej w Śremie";
  p.postal_code = "63-100";
  p.post_office = "Śrem";
  p.street = "Mickiewicza 40";
  p.website = "www.opssrem.lap.pl";
  p.population = 40333;
  p.contacts = {
      Contact{"Maria Świdurska",
              "Kierownik Ośrodka Pomocy Społecznej",
              {"61 28 36 107", "61 28 36 108", "600 100 200"},
              "poczta@opssrem.lap.pl"},
      Contact{"Jan Łęcki", "Zastępca kierownika", {"61 28 36 109"}, "jan@opssrem.lap.pl"},
  };
  p.section_ids = std::move(sections);
  for (const auto& heading : methodology()) {
    p.presentation.push_back(PresentationSection{heading.key, heading.heading,
                                                 std::string("Treść: ") + heading.heading});
  }
  p.attachments = {Attachment{"Sprawozdanie 2010", "https://example.org/sprawozdanie.pdf"},
                   Attachment{"Uchwała", "https://example.org/uchwala.pdf"}};
  p.provenance = Provenance{"legacy", "Model współpracy administracji publicznej",
                            "zaimportowano ze starego portalu"};
  p.source_key = "";
  p.status = PracticeStatus::published;
  return p;
}

}  // namespace bdp::testing
