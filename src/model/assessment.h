// Expert assessment (ocena ekspercka) of a practice under review: reviewers score the criteria of
// the Samorządowy Lider Zarządzania 0–5, each level described, with a justification and their
// confidence, or declare a conflict of interest and score nothing. Back office only: not content,
// no change-log entries, not in dump()/load().
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bdp {

constexpr int kMaxScore = 5;  // a criterion scores 0..kMaxScore

struct Criterion {
  const char* key;                                // "innowacyjnosc"
  const char* name;                               // "Innowacyjność"
  const char* question;                           // what the reviewer judges
  std::array<const char*, kMaxScore + 1> levels;  // what each score 0..5 means
};

// The criteria as they stood at one version. A version never changes once assessments use it;
// a changed wording or list is a new version, and each assessment keeps the one it was made with.
struct CriteriaSet {
  int version;
  std::vector<Criterion> criteria;
};

// Every version, oldest first; the last one is the one new assessments use.
const std::vector<CriteriaSet>& criteria_sets();
const CriteriaSet& current_criteria();
// The set of `version`; nullptr when there is none.
const CriteriaSet* criteria_of(int version);

enum class Confidence { none = 0, low = 1, medium = 2, high = 3 };  // none: a conflict
const char* to_string(Confidence confidence);

struct Assessment {
  std::int64_t practice_id = 0;
  std::int64_t reviewer_id = 0;
  std::string reviewer_name;  // read with the assessment; not stored
  int criteria_version = 0;
  bool conflict = false;  // a declared conflict of interest: no scores, justification says why
  std::vector<std::pair<std::string, int>> scores;  // criterion key → 0..5, in criteria order
  std::string justification;                        // plain text
  Confidence confidence = Confidence::none;
  std::int64_t at = 0;  // Unix seconds
  bool operator==(const Assessment&) const = default;
};

}  // namespace bdp
