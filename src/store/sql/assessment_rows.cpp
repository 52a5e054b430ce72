// Expert assessments (model/assessment.h): one row per reviewer and practice, its scores apart;
// a practice whose page shows their summary has a row in assessment_disclosures.
#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {

Result<std::vector<Assessment>> read_assessments(Connection& c, std::int64_t practice_id) {
  auto rows = c.exec(
      "SELECT a.practice_id, a.reviewer_id, COALESCE(e.display_name, ''), a.criteria_version, "
      "a.conflict, a.justification, a.confidence, a.at FROM assessments a "
      "LEFT JOIN editors e ON e.id = a.reviewer_id WHERE a.practice_id = $1 "
      "ORDER BY a.at, a.reviewer_id",
      {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  auto scores = c.exec(
      "SELECT reviewer_id, criterion, score FROM assessment_scores WHERE practice_id = $1 "
      "ORDER BY reviewer_id, position",
      {value(practice_id)});
  if (!scores) return std::unexpected(scores.error());
  std::vector<Assessment> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    Assessment a;
    a.practice_id = rows->integer(r, 0);
    a.reviewer_id = rows->integer(r, 1);
    a.reviewer_name = rows->text(r, 2);
    a.criteria_version = static_cast<int>(rows->integer(r, 3));
    a.conflict = rows->boolean(r, 4);
    a.justification = rows->take_text(r, 5);
    a.confidence = static_cast<Confidence>(rows->integer(r, 6));
    a.at = rows->integer(r, 7);
    for (int s = 0; s < scores->size(); ++s) {
      if (scores->integer(s, 0) == a.reviewer_id) {
        a.scores.emplace_back(scores->text(s, 1), static_cast<int>(scores->integer(s, 2)));
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

Status write_assessment(Connection& c, const Assessment& a) {
  if (auto valid = validate_assessment(a); !valid) return valid;
  if (auto exists = practice_exists(c, a.practice_id); !exists) return exists;
  if (auto saved = c.run(
          "INSERT INTO assessments (practice_id, reviewer_id, criteria_version, conflict, "
          "justification, confidence, at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
          "ON CONFLICT (practice_id, reviewer_id) DO UPDATE SET "
          "criteria_version = excluded.criteria_version, conflict = excluded.conflict, "
          "justification = excluded.justification, confidence = excluded.confidence, "
          "at = excluded.at",
          {value(a.practice_id), value(a.reviewer_id), value(a.criteria_version), value(a.conflict),
           value(a.justification), value(static_cast<int>(a.confidence)), value(a.at)});
      !saved) {
    return saved;
  }
  if (auto cleared = c.run("DELETE FROM assessment_scores WHERE practice_id = $1 AND "
                           "reviewer_id = $2",
                           {value(a.practice_id), value(a.reviewer_id)});
      !cleared) {
    return cleared;
  }
  for (std::size_t i = 0; i < a.scores.size(); ++i) {
    if (auto added =
            c.run("INSERT INTO assessment_scores (practice_id, reviewer_id, position, criterion, "
                  "score) VALUES ($1, $2, $3, $4, $5)",
                  {value(a.practice_id), value(a.reviewer_id), value(i), value(a.scores[i].first),
                   value(a.scores[i].second)});
        !added) {
      return added;
    }
  }
  // A disclosed assessment is on the practice's page: a score changes the page.
  auto disclosed = read_assessment_disclosed(c, a.practice_id);
  if (!disclosed) return std::unexpected(disclosed.error());
  if (!*disclosed) return {};
  return append_change(c, EntityKind::practice, a.practice_id, false);
}

Result<bool> read_assessment_disclosed(Connection& c, std::int64_t practice_id) {
  auto rows =
      c.exec("SELECT 1 FROM assessment_disclosures WHERE practice_id = $1", {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  return !rows->empty();
}

Status write_assessment_disclosed(Connection& c, std::int64_t practice_id, bool disclosed,
                                  std::int64_t at) {
  if (auto exists = practice_exists(c, practice_id); !exists) return exists;
  auto written =
      disclosed ? c.run(
                      "INSERT INTO assessment_disclosures (practice_id, since) VALUES ($1, $2) "
                      "ON CONFLICT (practice_id) DO NOTHING",
                      {value(practice_id), value(at)})
                : c.run("DELETE FROM assessment_disclosures WHERE practice_id = $1",
                        {value(practice_id)});
  if (!written) return written;
  return append_change(c, EntityKind::practice, practice_id, false);
}

}  // namespace bdp::sql
