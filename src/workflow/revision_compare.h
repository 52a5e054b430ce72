// Two revisions of a practice compared field by field, each changed text word by word
// (word_diff). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/revision.h"
#include "workflow/word_diff.h"

namespace bdp::workflow {

struct FieldChange {
  std::string key;  // ContentField::key
  std::string before;
  std::string after;
  bool added = false;    // the field is only in the later revision (a new contact…)
  bool removed = false;  // only in the earlier one
  std::vector<DiffPiece> pieces;
  bool operator==(const FieldChange&) const = default;
};

// The fields whose values differ between `before` and `after`, in the order of `after`, a field
// only in `before` where it stood there. None when the contents are the same.
std::vector<FieldChange> compare_fields(const std::vector<ContentField>& before,
                                        const std::vector<ContentField>& after);

}  // namespace bdp::workflow
