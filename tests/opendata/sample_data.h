// A small dataset for the open-data tests: two sections, one unit, a published practice with
// contacts and attachments, a second published one and a draft; loaded into an in-memory SQLite
// store. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "opendata/practice_record.h"
#include "store/store.h"

namespace bdp::opendata::testing {

inline Dataset sample_dataset() {
  Dataset d;
  d.sections = {Section{1, std::nullopt, "uslugi-spoleczne", "Usługi społeczne", 0, ""},
                Section{2, 1, "pomoc-spoleczna", "Pomoc społeczna", 0, ""}};
  d.units = {Unit{7,
                  "srem-wielkopolskie",
                  "Śrem",
                  "gmina miejsko-wiejska",
                  "Śrem",
                  "śremski",
                  "wielkopolskie",
                  "3026033",
                  {{2011, 40333}, {2013, 43061}},
                  52.0886,
                  17.0148}};
  Practice p;
  p.id = 412;
  p.slug = "centrum-aktywnosci-lokalnej";
  p.title = "Centrum Aktywności Lokalnej, \"CAL\"";
  p.summary = "Pierwszy akapit.\n\nDrugi; z średnikiem.";
  p.entered_on = "2011-03-03";
  p.unit_id = 7;
  p.implementing_body = "Ośrodek Pomocy Społecznej w Śremie";
  p.postal_code = "63-100";
  p.post_office = "Śrem";
  p.street = "Mickiewicza 40";
  p.website = "www.opssrem.lap.pl";
  p.population = 40333;
  p.contacts = {Contact{"Maria Świdurska", "Kierownik OPS", {"61 28 36 107"}, "maria@ops.pl"}};
  p.section_ids = {2, 1};
  p.presentation = {{"sytuacja_przed", "Opis sytuacji przed wdrożeniem", "Było źle."}};
  p.attachments = {{"Raport; 2011", "https://example.org/raport.pdf"}};
  p.provenance = {"slz", "Doskonalenie zarządzania", "plik 000_412.txt"};
  p.source_key = "legacy:412";
  p.status = PracticeStatus::published;
  p.updated_at = "2024-05-06T07:08:09Z";
  Practice second = p;
  second.id = 413;
  second.slug = "druga";
  second.title = "Druga";
  second.contacts = {};
  second.attachments = {};
  second.presentation = {};
  second.section_ids = {1};
  second.source_key = "";
  Practice draft = second;
  draft.id = 414;
  draft.title = "Szkic";
  draft.status = PracticeStatus::draft;
  d.practices = {p, second, draft};
  return d;
}

inline std::unique_ptr<Store> sample_store() {
  auto opened = open_store("sqlite::memory:");
  EXPECT_TRUE(opened) << opened.error().message;
  if (!opened) return nullptr;
  EXPECT_TRUE((*opened)->migrate());
  auto loaded = (*opened)->load(sample_dataset());
  EXPECT_TRUE(loaded) << loaded.error().message;
  return std::move(*opened);
}

inline RecordContext sample_context() {
  const Dataset d = sample_dataset();
  return RecordContext("https://bdp.example.org/", d.units, d.sections);
}

}  // namespace bdp::opendata::testing
