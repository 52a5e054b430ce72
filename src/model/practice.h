// Practice (praktyka): one standardised description of a solution a JST has put in place.
// Fields mirror the Metryka of the old pages (DESIGN.md §1.1) and the methodology (§1.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bdp {

// A contact person, as in "Osoby kontaktowe": several lines per person on the old pages.
struct Contact {
  std::string name;                 // "Maria Świdurska"
  std::string position;             // "Kierownik Ośrodka Pomocy Społecznej"
  std::vector<std::string> phones;  // "61 28 36 107"
  std::string email;                // "poczta@opssrem.lap.pl"
  bool operator==(const Contact&) const = default;
};

// One headed section of the full presentation ("Pełna prezentacja"); body is Markdown.
struct PresentationSection {
  std::string key;      // methodology key, e.g. "sytuacja_przed"
  std::string heading;  // "Opis sytuacji przed wdrożeniem"
  std::string body;     // Markdown, rendered with raw HTML disabled
  bool operator==(const PresentationSection&) const = default;
};

struct Attachment {
  std::string title;
  std::string url;
  bool operator==(const Attachment&) const = default;
};

enum class PracticeStatus { draft, submitted, in_review, changes_requested, published, archived };
const char* to_string(PracticeStatus status);
std::optional<PracticeStatus> practice_status_from_string(const std::string& text);
// True for a status whose practice has a public page: published, or archived (the page stays,
// with a notice, so that links to it keep working).
bool has_public_page(PracticeStatus status);

// Where a record came from (DESIGN.md §1.3a).
struct Provenance {
  std::string source;     // "slz", "gwd", "scouting", "media", "recommendation", "legacy", ...
  std::string programme;  // programme header the record was published under
  std::string note;       // free text, e.g. "imported from the old portal, file 000_....txt"
  bool operator==(const Provenance&) const = default;
};

struct Practice {
  std::int64_t id = 0;  // 0 until stored; imported practices keep their old `art` id
  std::string slug;     // from the title; the permalink is /praktyki/<id>-<slug>
  std::string title;
  std::string summary;            // Skrót: Markdown paragraphs
  std::string entered_on;         // Data wprowadzenia do BDP, ISO "YYYY-MM-DD"
  std::int64_t unit_id = 0;       // the JST (Typ jednostki, Miejscowość, Powiat, Województwo)
  std::string implementing_body;  // Jednostka wdrażająca
  std::string postal_code;        // "63-100", "" when the old page had none
  std::string post_office;        // "Śrem"
  std::string street;             // Ulica
  std::string website;            // Witryna internetowa
  std::optional<std::int64_t> population;  // Liczba mieszkańców as stated on this record
  std::vector<Contact> contacts;           // Osoby kontaktowe
  std::vector<std::int64_t> section_ids;   // a practice may be in several sections
  std::vector<PresentationSection> presentation;
  std::vector<Attachment> attachments;  // Załączniki
  Provenance provenance;
  std::string source_key;  // stable key of the imported source ("legacy:412"), "" if none
  PracticeStatus status = PracticeStatus::published;
  std::string updated_at;  // ISO timestamp, set by the store
  bool operator==(const Practice&) const = default;
};

// The headed sections of the methodology, in order (DESIGN.md §1.3): {key, heading, what a
// submitter writes under it, whether a submission must fill it}.
struct MethodologyHeading {
  const char* key;
  const char* heading;
  const char* guidance;
  bool required;
};
const std::vector<MethodologyHeading>& methodology();

}  // namespace bdp
