// PracticeRecord: a published practice with what the open-data documents show beside it (its
// unit, its sections' names, its absolute permalink), and RecordContext, which builds them from
// the units and sections read once per document. Pure; a RecordContext is read-only after
// construction, so it may be shared by threads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/permalink.h"
#include "model/practice.h"
#include "model/section.h"
#include "model/unit.h"

namespace bdp::opendata {

struct PracticeRecord {
  const Practice* practice = nullptr;    // borrowed
  const Unit* unit = nullptr;            // borrowed; null when the unit is unknown
  std::vector<const Section*> sections;  // borrowed, in the practice's order; unknown ones left out
  std::string url;                       // absolute permalink: <base>/praktyki/<id>-<slug>
};

// "https://bdp.example.org" with any trailing slash removed.
std::string trim_base_url(std::string base_url);

class RecordContext {
 public:
  RecordContext(std::string base_url, std::vector<Unit> units, std::vector<Section> sections);
  // The record of `practice` (borrowed: it must outlive the record).
  PracticeRecord record(const Practice& practice) const;
  const Unit* unit(std::int64_t id) const;
  const Section* section(std::int64_t id) const;
  const std::string& base_url() const { return base_url_; }
  const std::vector<Unit>& units() const { return units_; }
  const std::vector<Section>& sections() const { return sections_; }

 private:
  std::string base_url_;
  std::vector<Unit> units_;
  std::vector<Section> sections_;
  std::map<std::int64_t, const Unit*> unit_by_id_;
  std::map<std::int64_t, const Section*> section_by_id_;
};

}  // namespace bdp::opendata
