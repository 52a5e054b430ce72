#include "legacy/importer.h"

#include <chrono>

#include "legacy/mapper.h"
#include "legacy/page_files.h"
#include "legacy/progress_bar.h"
#include "legacy/section_paths.h"
#include "legacy/unit_index.h"

namespace bdp::legacy {
namespace {

// The state of one import run; one page at a time.
class Importer {
 public:
  Importer(Store& store, bool dry_run, std::vector<Section> sections,
           const std::vector<Unit>& units)
      : store_(store), dry_run_(dry_run), sections_(std::move(sections)), units_(units) {
    report_.dry_run = dry_run;
  }

  void import_file(const std::string& file) {
    PageOutcome outcome;
    outcome.file = file;
    if (auto status = import_page(file, outcome); !status) {
      outcome.action = PageAction::skipped;
      outcome.practice_id = 0;
      outcome.reason = status.error().message;
    }
    report_.pages.push_back(std::move(outcome));
  }

  void skip(const std::string& file, const std::string& reason) {
    report_.pages.push_back({file, PageAction::skipped, 0, "", "", reason, {}});
  }

  ImportReport take() { return std::move(report_); }

 private:
  Status import_page(const std::string& file, PageOutcome& outcome) {
    auto page = read_page_file(file);
    if (!page) return std::unexpected(page.error());
    outcome.warnings = page->warnings;
    auto mapped = map_page(*page, file);
    if (!mapped) return std::unexpected(mapped.error());
    outcome.warnings = mapped->warnings;
    Practice& practice = mapped->practice;
    outcome.source_key = practice.source_key;
    outcome.title = practice.title;
    if (!mapped->section_path.empty()) {
      auto section = sections_.ensure(dry_run_ ? nullptr : &store_, mapped->section_path, page->p1,
                                      page->p2, report_.sections_created);
      if (!section) return std::unexpected(section.error());
      practice.section_ids = {*section};
    }
    auto existing = store_.practice_by_source_key(practice.source_key);
    if (!existing && existing.error().kind != ErrorKind::not_found) {
      return std::unexpected(existing.error());
    }
    if (existing) {
      practice.id = existing->id;
    } else if (auto status = keep_old_id(practice, outcome); !status) {
      return status;
    }
    auto unit_id = match_unit(mapped->unit, practice);
    if (!unit_id) return std::unexpected(unit_id.error());
    practice.unit_id = *unit_id;
    outcome.action = existing ? PageAction::updated : PageAction::imported;
    if (dry_run_) {
      outcome.practice_id = practice.id ? practice.id : next_dry_id_--;
      return {};
    }
    auto id = store_.save_practice(practice);
    if (!id) return std::unexpected(id.error());
    outcome.practice_id = *id;
    return {};
  }

  // A new practice keeps its old id unless another practice holds it already.
  Status keep_old_id(Practice& practice, PageOutcome& outcome) {
    if (practice.id == 0) return {};
    auto holder = store_.practice(practice.id);
    if (!holder && holder.error().kind != ErrorKind::not_found) {
      return std::unexpected(holder.error());
    }
    if (holder) {
      outcome.warnings.push_back(
          {"page", "old id " + std::to_string(practice.id) + " is held by '" + holder->title +
                       "'; the practice gets a new id and old links to it cannot be kept"});
      practice.id = 0;
    }
    return {};
  }

  Result<std::int64_t> match_unit(Unit unit, const Practice& practice) {
    if (!units_.find(unit)) {
      if (dry_run_) {
        unit.id = next_dry_id_--;
      } else {
        auto id = store_.save_unit(unit);
        if (!id) return std::unexpected(id.error());
        unit.id = *id;
      }
      units_.add(unit, practice);
      ++report_.units_created;
      return unit.id;
    }
    if (units_.needs_history(unit)) {
      const std::int64_t stored_id = units_.find(unit)->id;
      auto practices = store_.practices_of_unit(stored_id);
      if (!practices) return std::unexpected(practices.error());
      units_.know_records(unit, *practices);
    }
    const Unit before = *units_.find(unit);
    const Unit merged = units_.merge(unit, practice, report_.conflicts);
    if (merged != before) {
      if (!dry_run_) {
        auto id = store_.save_unit(merged);
        if (!id) return std::unexpected(id.error());
      }
      ++report_.units_updated;
    }
    return merged.id;
  }

  Store& store_;
  bool dry_run_;
  SectionPaths sections_;
  UnitIndex units_;
  ImportReport report_;
  std::int64_t next_dry_id_ = -1;
};

}  // namespace

Result<ImportReport> run_import(Store& store, const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto sections = store.sections();
  if (!sections) return std::unexpected(sections.error());
  auto units = store.units();
  if (!units) return std::unexpected(units.error());
  Importer importer(store, options.dry_run, std::move(*sections), *units);
  const PageFiles files = list_page_files(options.paths);
  for (const auto& [path, reason] : files.unreadable) importer.skip(path, reason);
  {
    ProgressBar progress(files.files.size(), options.progress);
    for (const auto& file : files.files) {
      importer.import_file(file);
      progress.step(file);
    }
  }
  ImportReport report = importer.take();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!options.report_path.empty()) {
    if (auto status = write_report(report, options.report_path); !status) {
      return std::unexpected(status.error());
    }
  }
  return report;
}

}  // namespace bdp::legacy
