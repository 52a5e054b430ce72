#include "import/unit_index.h"

#include <algorithm>

#include "import/mapper.h"
#include "legacy/plain_text.h"

namespace bdp::legacy {

UnitIndex::UnitIndex(const std::vector<Unit>& units) {
  for (const auto& unit : units) by_key_.emplace(unit_match_key(unit), Known{unit, "", false, {}});
}

const Unit* UnitIndex::find(const Unit& unit) const {
  const auto it = by_key_.find(unit_match_key(unit));
  return it == by_key_.end() ? nullptr : &it->second.unit;
}

bool UnitIndex::needs_history(const Unit& unit) const {
  const auto it = by_key_.find(unit_match_key(unit));
  return it != by_key_.end() && !it->second.history_loaded;
}

void UnitIndex::know_records(const Unit& unit, const std::vector<Practice>& practices) {
  const auto it = by_key_.find(unit_match_key(unit));
  if (it == by_key_.end()) return;
  Known& known = it->second;
  known.history_loaded = true;
  std::vector<const Practice*> by_date;
  by_date.reserve(practices.size());
  for (const auto& p : practices) by_date.push_back(&p);
  std::sort(by_date.begin(), by_date.end(),
            [](const Practice* a, const Practice* b) { return a->entered_on < b->entered_on; });
  for (const Practice* p : by_date) {
    known.as_of = std::max(known.as_of, p->entered_on);
    note_contacts(known, *p, nullptr);
  }
}

void UnitIndex::add(const Unit& unit, const Practice& practice) {
  Known known{unit, practice.entered_on, true, {}};
  note_contacts(known, practice, nullptr);
  by_key_[unit_match_key(unit)] = std::move(known);
}

void UnitIndex::note_contacts(Known& known, const Practice& practice,
                              std::vector<UnitConflict>* conflicts) {
  for (const auto& contact : practice.contacts) {
    if (contact.email.empty()) continue;
    const std::string name = fold(contact.name);
    auto it = known.emails.find(name);
    if (it == known.emails.end()) {
      known.emails.emplace(name,
                           std::tuple(contact.email, practice.entered_on, practice.source_key));
      continue;
    }
    auto& [email, date, source] = it->second;
    if (email == contact.email || source == practice.source_key) {
      if (practice.entered_on >= date)
        it->second = {contact.email, practice.entered_on, practice.source_key};
      continue;
    }
    const bool newer = practice.entered_on >= date;
    if (conflicts) {
      conflicts->push_back({known.unit.name, "e-mail: " + contact.name,
                            newer ? contact.email : email, newer ? practice.entered_on : date,
                            newer ? email : contact.email, newer ? date : practice.entered_on});
    }
    if (newer) it->second = {contact.email, practice.entered_on, practice.source_key};
  }
}

Unit UnitIndex::merge(const Unit& unit, const Practice& practice,
                      std::vector<UnitConflict>& conflicts) {
  Known& known = by_key_.at(unit_match_key(unit));
  Unit& current = known.unit;
  const bool newer = practice.entered_on >= known.as_of;
  const auto resolve = [&](std::string& mine, const std::string& theirs, const char* field) {
    if (theirs.empty() || mine == theirs) return;
    if (mine.empty()) {
      mine = theirs;
      return;
    }
    if (newer) {
      conflicts.push_back({current.name, field, theirs, practice.entered_on, mine, known.as_of});
      mine = theirs;
    } else {
      conflicts.push_back({current.name, field, mine, known.as_of, theirs, practice.entered_on});
    }
  };
  resolve(current.type, unit.type, "Typ jednostki");
  resolve(current.county, unit.county, "Powiat");
  for (const auto& figure : unit.population) {
    auto same_year = std::find_if(current.population.begin(), current.population.end(),
                                  [&](const auto& f) { return f.year == figure.year; });
    if (same_year == current.population.end()) {
      current.population.push_back(figure);
      continue;
    }
    std::string mine = std::to_string(same_year->count);
    resolve(mine, std::to_string(figure.count),
            ("Liczba mieszkańców " + std::to_string(figure.year)).c_str());
    same_year->count = std::stoll(mine);
  }
  std::sort(current.population.begin(), current.population.end(),
            [](const auto& a, const auto& b) { return a.year < b.year; });
  note_contacts(known, practice, &conflicts);
  if (newer) known.as_of = practice.entered_on;
  return current;
}

std::vector<Unit> UnitIndex::pending() const {
  std::vector<Unit> units;
  for (const auto& [key, known] : by_key_) {
    if (known.unit.id < 0) units.push_back(known.unit);
  }
  return units;
}

void UnitIndex::rename(std::int64_t from, std::int64_t to) {
  for (auto& [key, known] : by_key_) {
    if (known.unit.id == from) known.unit.id = to;
  }
}

const Unit* UnitIndex::by_id(std::int64_t id) const {
  for (const auto& [key, known] : by_key_) {
    if (known.unit.id == id) return &known.unit;
  }
  return nullptr;
}

bool UnitIndex::slug_taken(const std::string& slug) const {
  return std::any_of(by_key_.begin(), by_key_.end(),
                     [&](const auto& entry) { return entry.second.unit.slug == slug; });
}

}  // namespace bdp::legacy
