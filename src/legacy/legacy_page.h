// LegacyPage: everything read from one practice page of the old portal (text dump or HTML), as
// found on the page, before it is mapped to the model. Values are UTF-8, trimmed, with runs of
// white space collapsed; a field absent from the page is empty. Plain data, no invariants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/practice.h"

namespace bdp::legacy {

// A field that could not be read, or a quirk worth an editor's look. Never fatal.
struct Warning {
  std::string field;    // Metryka label or part of the page: "Liczba mieszkańców", "page"
  std::string message;  // Polish data quoted, English explanation
  bool operator==(const Warning&) const = default;
};

// The Metryka block (DESIGN.md §1.1), values as written on the page.
struct Metryka {
  std::string entered_on;         // "2011-03-03" (normalised to ISO when the page used d.m.Y)
  std::string unit_type;          // "gmina miejska", lower case
  std::string town;               // Miejscowość
  std::string county;             // Powiat, "" when the line is absent
  std::string voivodeship;        // lower case
  std::string postal_code;        // "63-100", "" when the page gives only the post office
  std::string post_office;        // "Śrem"
  std::string implementing_body;  // Jednostka wdrażająca
  std::string street;             // Ulica
  std::string website;            // as written: "www.opssrem.lap.pl"
  std::optional<std::int64_t> population;  // "40.333" → 40333
  std::vector<Contact> contacts;           // Osoby kontaktowe, one entry per person
  bool operator==(const Metryka&) const = default;
};

struct LegacyPage {
  std::string programme;                  // programme header above the menu
  std::vector<std::string> section_path;  // breadcrumb: {"Usługi społeczne", "Pomoc społeczna"}
  std::string title;
  std::string summary;  // Skrót: Markdown paragraphs separated by a blank line
  Metryka metryka;
  std::vector<PresentationSection> presentation;  // Pełna prezentacja, when the page has it
  std::vector<Attachment> attachments;            // Załączniki, when the page has them
  std::optional<std::int64_t> art;                // old practice id (the `art` address parameter)
  std::string p1, p2;                             // old section / subsection address parameters
  std::optional<std::int64_t> visitor_count;      // the counter shown on the page
  std::string encoding;         // the bytes' character encoding: "windows-1250", "UTF-8", ...
  std::string encoding_reason;  // why that one: "declared charset iso-8859-2", "valid UTF-8", ...
  std::vector<Warning> warnings;
};

}  // namespace bdp::legacy
