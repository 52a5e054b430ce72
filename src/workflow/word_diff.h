// Comparing two texts word by word (Myers' O(ND) algorithm over words and the spaces between
// them): what stayed, what was deleted, what was inserted. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bdp::workflow {

enum class DiffKind { same, deleted, inserted };

struct DiffPiece {
  DiffKind kind = DiffKind::same;
  std::string text;
  bool operator==(const DiffPiece&) const = default;
};

// Pieces that spell `before` when the inserted ones are left out and `after` when the deleted
// ones are; adjacent pieces differ in kind, and each run of changes is one deletion then one
// insertion (a single space that stayed between two changed words is part of the run). Texts that
// differ in more than `max_edits` words (and spaces) come back as one deletion and one insertion,
// so the cost stays bounded.
std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after,
                                 int max_edits = 2000);

}  // namespace bdp::workflow
