// What editors read of the reviewers' scores: per criterion the mean, median and spread, and a
// flag where reviewers differ by kDisagreement or more; and who may see others' scores (blind
// until one has scored). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/assessment.h"
#include "model/editor.h"

namespace bdp::workflow {

constexpr int kDisagreement = 2;  // a spread of this many points flags the criterion

struct CriterionSummary {
  std::string key;
  std::string name;
  int count = 0;  // reviewers who scored it
  double mean = 0;
  double median = 0;
  int spread = 0;  // highest score minus lowest
  bool disagreement = false;
  bool operator==(const CriterionSummary&) const = default;
};

// One line per criterion of `set`, from the assessments made with that set (declared conflicts
// and assessments of other versions are left out); a criterion nobody scored has count 0.
std::vector<CriterionSummary> summarise(const CriteriaSet& set,
                                        const std::vector<Assessment>& assessments);

// True when `viewer` (of `role`) may read other reviewers' assessments: a role that sees them
// all, or one who has scored the practice (a declared conflict does not count).
bool may_see_others(Role role, std::int64_t viewer_id, const std::vector<Assessment>& assessments);

}  // namespace bdp::workflow
