#include "import/importer.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include "core/slug.h"
#include "import/attachment_files.h"
#include "import/mapper.h"
#include "import/page_files.h"
#include "import/progress_bar.h"
#include "import/section_paths.h"
#include "import/unit_index.h"
#include "store/validate.h"

namespace bdp::legacy {
namespace {

// Pages are written in batches, each one Store::write transaction: a commit per page would
// cost a disk sync per page (~70 pages/s on SQLite), a commit per batch does not.
constexpr std::size_t batch_size = 500;

struct Pending {
  std::size_t outcome;  // index into the report's pages
  Practice practice;
};

// The state of one import run. Sections and units new in a batch carry pending (negative) ids
// in the importer's indexes until the batch is written; what is handed to the store always
// carries stored ids.
class Importer {
 public:
  Importer(Store& store, const ImportOptions& options, std::vector<Section> sections,
           const std::vector<Unit>& units)
      : store_(store),
        dry_run_(options.dry_run),
        attachments_dir_(options.attachments_dir),
        sections_(std::move(sections)),
        units_(units) {
    report_.dry_run = dry_run_;
    if (!attachments_dir_.empty()) report_.attachments_stored = 0;
  }

  void import_file(const std::string& file) {
    PageOutcome outcome;
    outcome.file = file;
    auto practice = prepare(file, outcome);
    if (!practice) {
      outcome.action = PageAction::skipped;
      outcome.reason = practice.error().message;
    }
    report_.pages.push_back(std::move(outcome));
    if (practice) {
      if (pending_keys_.contains(practice->source_key)) flush();  // same page twice in a batch
      pending_keys_.insert(practice->source_key);
      batch_.push_back({report_.pages.size() - 1, std::move(*practice)});
    }
    if (batch_.size() >= batch_size) flush();
  }

  void skip(const std::string& file, const std::string& reason) {
    report_.pages.push_back({file, PageAction::skipped, 0, "", "", reason, "", "", {}});
  }

  // Writes the pending batch; a page the store refuses is reported as skipped.
  void flush() {
    if (!dry_run_ && !batch_.empty()) write_batch();
    for (auto& pending : batch_) {
      PageOutcome& outcome = report_.pages[pending.outcome];
      if (outcome.action == PageAction::skipped) continue;
      outcome.practice_id = pending.practice.id;
      take_attachment_files(pending.practice, outcome);
    }
    batch_.clear();
    pending_keys_.clear();
    changed_units_.clear();
  }

  ImportReport take() { return std::move(report_); }

 private:
  // The files of the page's attachments into the library; the links they replace are dropped
  // from the practice. What fails is a warning of the page (its practice is imported).
  void take_attachment_files(Practice practice, PageOutcome& outcome) {
    if (attachments_dir_.empty() || practice.attachments.empty()) return;
    const auto warn = [&](const std::string& what) {
      outcome.warnings.push_back({"Załączniki", "files not taken: " + what});
    };
    if (!dry_run_) {
      auto stored = store_.practice(practice.id);  // with its units' stored ids
      if (!stored) return warn(stored.error().message);
      practice = std::move(*stored);
    }
    auto attached = attach_files(store_.documents(), practice, attachments_dir_, dry_run_,
                                 static_cast<std::int64_t>(std::time(nullptr)));
    if (!attached) return warn(attached.error().message);
    outcome.warnings.insert(outcome.warnings.end(), attached->warnings.begin(),
                            attached->warnings.end());
    *report_.attachments_stored += attached->stored;
    if (dry_run_ || attached->links == practice.attachments) return;
    practice.attachments = std::move(attached->links);
    if (auto saved = store_.save_practice(practice); !saved) warn(saved.error().message);
  }

  Result<Practice> prepare(const std::string& file, PageOutcome& outcome) {
    auto page = read_page_file(file);
    if (!page) return std::unexpected(page.error());
    outcome.warnings = page->warnings;
    outcome.encoding = page->encoding;
    outcome.encoding_reason = page->encoding_reason;
    auto mapped = map_page(*page, file);
    if (!mapped) return std::unexpected(mapped.error());
    outcome.warnings = mapped->warnings;
    Practice& practice = mapped->practice;
    outcome.source_key = practice.source_key;
    outcome.title = practice.title;
    if (!mapped->section_path.empty()) {
      practice.section_ids = {
          sections_.ensure(mapped->section_path, page->p1, page->p2, report_.sections_created)};
    }
    auto existing = find_existing(practice, mapped->former_source_keys);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) {
      practice.id = (*existing)->id;
    } else if (auto status = keep_old_id(practice, outcome); !status) {
      return std::unexpected(status.error());
    }
    auto unit_id = match_unit(mapped->unit, practice);
    if (!unit_id) return std::unexpected(unit_id.error());
    practice.unit_id = *unit_id;
    practice.updated_at.clear();
    if (auto valid = validate_practice_content(practice); !valid) {
      return std::unexpected(valid.error());
    }
    outcome.action = *existing ? PageAction::updated : PageAction::imported;
    return std::move(practice);
  }

  // The stored practice of the page, if any. A page with an old id is looked up by that id
  // first (a primary-key read): an import keeps the old id whenever it is free, so a free id
  // means a new page. Only a page whose id is held by another practice, or that has no old
  // id, is looked up by source key.
  Result<std::optional<Practice>> find_existing(const Practice& practice,
                                                const std::vector<std::string>& former_keys) {
    if (practice.id > 0) {
      auto by_id = store_.practice(practice.id);
      if (!by_id && by_id.error().kind != ErrorKind::not_found) {
        return std::unexpected(by_id.error());
      }
      if (!by_id) return std::nullopt;
      if (by_id->source_key == practice.source_key) return std::optional(std::move(*by_id));
    }
    // A record an earlier importer made by misreading the page is corrected in place.
    std::vector<std::string> keys = {practice.source_key};
    keys.insert(keys.end(), former_keys.begin(), former_keys.end());
    for (const auto& key : keys) {
      auto by_key = store_.practice_by_source_key(key);
      if (by_key) return std::optional(std::move(*by_key));
      if (by_key.error().kind != ErrorKind::not_found) return std::unexpected(by_key.error());
    }
    return std::nullopt;
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
      // "srem-wielkopolskie" may be a unit of another level (a związek named after its town).
      if (units_.slug_taken(unit.slug)) unit.slug = slugify(unit.type + " " + unit.slug);
      for (int n = 2; units_.slug_taken(unit.slug); ++n) {
        unit.slug = slugify(unit.name + " " + unit.voivodeship) + "-" + std::to_string(n);
      }
      unit.id = next_pending_unit_--;
      units_.add(unit, practice);
      ++report_.units_created;
      return unit.id;
    }
    if (units_.needs_history(unit)) {
      auto practices = store_.practices_of_unit(units_.find(unit)->id);
      if (!practices) return std::unexpected(practices.error());
      units_.know_records(unit, *practices);
    }
    const Unit before = *units_.find(unit);
    const Unit merged = units_.merge(unit, practice, report_.conflicts);
    if (merged != before) {
      if (merged.id > 0) changed_units_.insert(merged.id);
      ++report_.units_updated;
    }
    return merged.id;
  }

  // Writes the batch in one transaction: the sections and units it adds, the units it changes,
  // then its practices, each with the stored ids of what it refers to. A practice the store
  // refuses is undone alone and its page reported as skipped; if the batch as a whole fails,
  // every page of it is.
  void write_batch() {
    // Pending id → stored id, for sections and units apart (both count down from -1).
    std::map<std::int64_t, std::int64_t> stored_sections, stored_units;
    // A pending id not stored in this batch stays as it is: the store refuses it by name.
    const auto resolve = [](const std::map<std::int64_t, std::int64_t>& stored, std::int64_t id) {
      auto found = stored.find(id);
      return found == stored.end() ? id : found->second;
    };
    std::vector<std::pair<std::size_t, std::string>> refused;  // batch index, reason
    auto written = store_.write([&](Writer& w) -> Status {
      for (Section section : sections_.pending()) {
        const std::int64_t pending = section.id;
        section.id = 0;
        if (section.parent_id) section.parent_id = resolve(stored_sections, *section.parent_id);
        auto id = w.save_section(section);
        if (!id) return std::unexpected(id.error());
        stored_sections[pending] = *id;
      }
      for (Unit unit : units_.pending()) {
        const std::int64_t pending = unit.id;
        unit.id = 0;
        auto id = w.save_unit(unit);
        if (!id) return std::unexpected(id.error());
        stored_units[pending] = *id;
      }
      for (const std::int64_t id : changed_units_) {
        if (auto saved = w.save_unit(*units_.by_id(id)); !saved) {
          return std::unexpected(saved.error());
        }
      }
      for (std::size_t i = 0; i < batch_.size(); ++i) {
        Practice practice = batch_[i].practice;
        practice.unit_id = resolve(stored_units, practice.unit_id);
        for (auto& section : practice.section_ids) section = resolve(stored_sections, section);
        auto id = w.save_practice(practice);
        if (id) {
          batch_[i].practice.id = *id;
        } else {
          refused.emplace_back(i, id.error().message);
        }
      }
      return {};
    });
    if (!written) return fail_batch(written.error().message);
    for (const auto& [pending, id] : stored_sections) sections_.rename(pending, id);
    for (const auto& [pending, id] : stored_units) units_.rename(pending, id);
    for (const auto& [i, reason] : refused) {
      report_.pages[batch_[i].outcome].action = PageAction::skipped;
      report_.pages[batch_[i].outcome].reason = reason;
    }
  }

  void fail_batch(const std::string& reason) {
    for (auto& pending : batch_) {
      report_.pages[pending.outcome].action = PageAction::skipped;
      report_.pages[pending.outcome].reason = reason;
    }
  }

  Store& store_;
  bool dry_run_;
  std::filesystem::path attachments_dir_;
  SectionPaths sections_;
  UnitIndex units_;
  ImportReport report_;
  std::vector<Pending> batch_;
  std::set<std::string> pending_keys_;
  std::set<std::int64_t> changed_units_;
  std::int64_t next_pending_unit_ = -1;
};

}  // namespace

Result<ImportReport> run_import(Store& store, const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto sections = store.sections();
  if (!sections) return std::unexpected(sections.error());
  auto units = store.units();
  if (!units) return std::unexpected(units.error());
  Importer importer(store, options, std::move(*sections), *units);
  const PageFiles files = list_page_files(options.paths);
  for (const auto& [path, reason] : files.unreadable) importer.skip(path, reason);
  {
    ProgressBar progress(files.files.size(), options.progress);
    for (const auto& file : files.files) {
      importer.import_file(file);
      progress.step(file);
    }
    importer.flush();
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
