#include "import/import_report.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace bdp::legacy {

const char* to_string(PageAction action) {
  switch (action) {
    case PageAction::imported:
      return "imported";
    case PageAction::updated:
      return "updated";
    case PageAction::skipped:
      return "skipped";
  }
  return "skipped";
}

int ImportReport::count(PageAction action) const {
  return static_cast<int>(std::count_if(pages.begin(), pages.end(),
                                        [&](const PageOutcome& p) { return p.action == action; }));
}

std::size_t ImportReport::warning_count() const {
  std::size_t n = 0;
  for (const auto& page : pages) n += page.warnings.size();
  return n;
}

std::string format_summary(const ImportReport& r) {
  const auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out = r.dry_run ? "Dry run (nothing written): would import " : "Imported ";
  out += std::to_string(r.count(PageAction::imported)) + ", updated " +
         std::to_string(r.count(PageAction::updated)) + ", skipped " +
         std::to_string(r.count(PageAction::skipped)) + " of " +
         plural(r.pages.size(), "page", "pages") + "; " +
         plural(r.warning_count(), "warning", "warnings") + "; " +
         plural(static_cast<std::size_t>(r.units_created), "unit", "units") + " created, " +
         std::to_string(r.units_updated) + " updated; " +
         plural(static_cast<std::size_t>(r.sections_created), "section", "sections") +
         " created; " + plural(r.conflicts.size(), "conflict", "conflicts") +
         " resolved by the newest record";
  if (r.attachments_stored) {
    out += "; " +
           plural(static_cast<std::size_t>(*r.attachments_stored), "attachment file",
                  "attachment files") +
           " stored";
  }
  out += ".\n";
  for (const auto& page : r.pages) {
    if (r.dry_run && !page.encoding.empty()) {
      out += "encoding " + page.file + ": " + page.encoding + " (" + page.encoding_reason + ")\n";
    }
    if (page.action == PageAction::skipped)
      out += "skipped " + page.file + ": " + page.reason + "\n";
    for (const auto& w : page.warnings) {
      out += "warning " + page.file + ": " + w.field + ": " + w.message + "\n";
    }
  }
  for (const auto& c : r.conflicts) {
    out += "conflict " + c.unit + ", " + c.field + ": kept '" + c.kept + "' (" + c.kept_on +
           "), not '" + c.dropped + "' (" + c.dropped_on + ")\n";
  }
  return out;
}

std::string report_json(const ImportReport& r) {
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& page : r.pages) {
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : page.warnings)
      warnings.push_back({{"field", w.field}, {"message", w.message}});
    pages.push_back({{"file", page.file},
                     {"action", to_string(page.action)},
                     {"practice_id", page.practice_id},
                     {"source_key", page.source_key},
                     {"title", page.title},
                     {"reason", page.reason},
                     {"encoding", page.encoding},
                     {"encoding_reason", page.encoding_reason},
                     {"warnings", warnings}});
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& c : r.conflicts) {
    conflicts.push_back({{"unit", c.unit},
                         {"field", c.field},
                         {"kept", c.kept},
                         {"kept_from_record_of", c.kept_on},
                         {"dropped", c.dropped},
                         {"dropped_from_record_of", c.dropped_on}});
  }
  const nlohmann::json doc = {
      {"dry_run", r.dry_run},
      {"summary",
       {{"pages", r.pages.size()},
        {"imported", r.count(PageAction::imported)},
        {"updated", r.count(PageAction::updated)},
        {"skipped", r.count(PageAction::skipped)},
        {"warnings", r.warning_count()},
        {"units_created", r.units_created},
        {"units_updated", r.units_updated},
        {"sections_created", r.sections_created},
        {"attachments_stored",
         r.attachments_stored ? nlohmann::json(*r.attachments_stored) : nlohmann::json()},
        {"seconds", r.seconds}}},
      {"pages", pages},
      {"conflicts", conflicts}};
  // Invalid UTF-8 cannot reach here (the parsers reject or convert it); replace just in case.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Status write_report(const ImportReport& report, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail(ErrorKind::unavailable, "cannot write the report to " + path);
  out << report_json(report);
  out.close();
  if (!out) return fail(ErrorKind::unavailable, "cannot write the report to " + path);
  return {};
}

}  // namespace bdp::legacy
