// ImportReport: what an import of old pages did, page by page, and the unit conflicts it
// resolved; as a short summary for a terminal and as JSON for --report FILE.json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "import/unit_index.h"
#include "legacy/legacy_page.h"

namespace bdp::legacy {

enum class PageAction { imported, updated, skipped };
const char* to_string(PageAction action);

struct PageOutcome {
  std::string file;
  PageAction action = PageAction::skipped;
  std::int64_t practice_id = 0;  // 0 when skipped; negative in a dry run for a new practice
  std::string source_key;
  std::string title;
  std::string reason;             // why it was skipped, "" otherwise
  std::string encoding;           // of the page's bytes, "" when the page could not be decoded
  std::string encoding_reason;    // why that encoding (LegacyPage::encoding_reason)
  std::vector<Warning> warnings;  // fields that could not be read, quirks
};

struct ImportReport {
  bool dry_run = false;
  std::vector<PageOutcome> pages;
  std::vector<UnitConflict> conflicts;
  int units_created = 0;
  int units_updated = 0;
  int sections_created = 0;
  std::optional<int> attachments_stored;  // files stored as documents, when a folder was given
  double seconds = 0;

  int count(PageAction action) const;
  std::size_t warning_count() const;
};

// "Imported 2, updated 0, skipped 0 of 2 pages; 1 warning; 1 unit created, 1 updated; 2
// conflicts resolved by the newest record" (and "; 3 attachment files stored" when a folder of
// them was given) followed by one line per skipped page (file:
// reason), per warning and per conflict; a dry run adds one line per page with its encoding
// and why it was chosen. Pure.
std::string format_summary(const ImportReport& report);

// The whole report as a JSON document (UTF-8). Pure.
std::string report_json(const ImportReport& report);

// Writes report_json to `path` (replacing it). Errors: unavailable when it cannot be written.
Status write_report(const ImportReport& report, const std::string& path);

}  // namespace bdp::legacy
