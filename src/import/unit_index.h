// UnitIndex: the units known during one import, matched by unit_match_key, merging what each
// record says about its unit. Where records disagree, the newest record (by entered_on) wins
// and the disagreement is reported; population figures accumulate as a dated series. Pure
// in-memory state; not thread-safe (one per import).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/practice.h"
#include "model/unit.h"

namespace bdp::legacy {

struct UnitConflict {
  std::string unit;     // unit name: "Śrem"
  std::string field;    // "Typ jednostki", "Liczba mieszkańców 2013", "e-mail: Maria Świdurska"
  std::string kept;     // the newest record's value
  std::string kept_on;  // entered_on of the record it came from
  std::string dropped;  // the other value
  std::string dropped_on;
  bool operator==(const UnitConflict&) const = default;
};

class UnitIndex {
 public:
  // Starts from the units already stored.
  explicit UnitIndex(const std::vector<Unit>& units);

  // The known unit `unit` matches, or nullptr. The pointer is valid until the next merge/add.
  const Unit* find(const Unit& unit) const;
  // True when `unit` matches a stored unit whose records (see know_records) are not loaded yet.
  bool needs_history(const Unit& unit) const;
  // Tells the index what the stored practices of the unit `unit` matches said (dates and
  // contacts), so that a new record is compared with the newest of them.
  void know_records(const Unit& unit, const std::vector<Practice>& practices);

  // Adds a unit not known yet (its id already assigned), as stated by `practice`.
  void add(const Unit& unit, const Practice& practice);
  // Merges what `practice` says about its unit into the known unit that `unit` matches (a
  // precondition: find(unit) != nullptr). Appends disagreements to `conflicts`. Returns the
  // merged unit.
  Unit merge(const Unit& unit, const Practice& practice, std::vector<UnitConflict>& conflicts);
  // The units added and not stored yet: those with a pending (negative) id.
  std::vector<Unit> pending() const;
  // Gives the unit known by the pending id `from` its stored id `to`.
  void rename(std::int64_t from, std::int64_t to);
  // The known unit with id `id`, or nullptr; valid until the next merge/add.
  const Unit* by_id(std::int64_t id) const;
  // True when a known unit has the slug `slug`.
  bool slug_taken(const std::string& slug) const;

 private:
  struct Known {
    Unit unit;
    std::string as_of;  // newest entered_on the unit's data comes from
    bool history_loaded = false;
    // folded contact name → {e-mail, entered_on, source key} of the newest record naming it
    std::map<std::string, std::tuple<std::string, std::string, std::string>> emails;
  };
  void note_contacts(Known& known, const Practice& practice, std::vector<UnitConflict>* conflicts);
  std::map<std::string, Known> by_key_;
};

}  // namespace bdp::legacy
