#include "opendata/practice_record.h"

namespace bdp::opendata {

std::string trim_base_url(std::string base_url) {
  while (!base_url.empty() && base_url.back() == '/') base_url.pop_back();
  return base_url;
}

RecordContext::RecordContext(std::string base_url, std::vector<Unit> units,
                             std::vector<Section> sections)
    : base_url_(trim_base_url(std::move(base_url))),
      units_(std::move(units)),
      sections_(std::move(sections)) {
  for (const auto& u : units_) unit_by_id_[u.id] = &u;
  for (const auto& s : sections_) section_by_id_[s.id] = &s;
}

const Unit* RecordContext::unit(std::int64_t id) const {
  auto found = unit_by_id_.find(id);
  return found == unit_by_id_.end() ? nullptr : found->second;
}

const Section* RecordContext::section(std::int64_t id) const {
  auto found = section_by_id_.find(id);
  return found == section_by_id_.end() ? nullptr : found->second;
}

PracticeRecord RecordContext::record(const Practice& practice) const {
  PracticeRecord r;
  r.practice = &practice;
  r.unit = unit(practice.unit_id);
  for (const auto id : practice.section_ids) {
    if (const Section* s = section(id)) r.sections.push_back(s);
  }
  r.url = base_url_ + practice_path(practice);
  return r;
}

}  // namespace bdp::opendata
