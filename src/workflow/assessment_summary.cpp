#include "workflow/assessment_summary.h"

#include <algorithm>

#include "workflow/permissions.h"

namespace bdp::workflow {

std::vector<CriterionSummary> summarise(const CriteriaSet& set,
                                        const std::vector<Assessment>& assessments) {
  std::vector<CriterionSummary> out;
  out.reserve(set.criteria.size());
  for (std::size_t i = 0; i < set.criteria.size(); ++i) {
    CriterionSummary line{set.criteria[i].key, set.criteria[i].name, 0, 0, 0, 0, false};
    std::vector<int> scores;
    for (const auto& a : assessments) {
      if (a.conflict || a.criteria_version != set.version || i >= a.scores.size()) continue;
      scores.push_back(a.scores[i].second);
    }
    if (!scores.empty()) {
      std::ranges::sort(scores);
      const std::size_t n = scores.size();
      line.count = static_cast<int>(n);
      double sum = 0;
      for (int s : scores) sum += s;
      line.mean = sum / static_cast<double>(n);
      line.median = n % 2 == 1 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2.0;
      line.spread = scores.back() - scores.front();
      line.disagreement = line.spread >= kDisagreement;
    }
    out.push_back(std::move(line));
  }
  return out;
}

bool may_see_others(Role role, std::int64_t viewer_id, const std::vector<Assessment>& assessments) {
  if (allowed(role, Action::see_assessments)) return true;
  return std::ranges::any_of(assessments, [viewer_id](const Assessment& a) {
    return a.reviewer_id == viewer_id && !a.conflict;
  });
}

}  // namespace bdp::workflow
