// MetrykaBlock: collects the lines of a "Metryka praktyki" block ("Label:  value" lines and
// their continuation lines) and reads them into a Metryka, with a warning for every value it
// cannot read, every unknown label and every required field that is missing. Not thread-safe
// (one per page); plain value, no resources.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "legacy/legacy_page.h"

namespace bdp::legacy {

class MetrykaBlock {
 public:
  // Takes one trimmed line of the block ("" for a blank line).
  void add(std::string_view line);
  // True after a blank line inside the contacts when `line` is neither a person nor a detail:
  // on a page without a closing tab bar, that is where the footer begins.
  bool ends_before(std::string_view line) const;
  // The values read so far; appends warnings.
  Metryka read(std::vector<Warning>& warnings) const;
  // True when `line` starts with one of the labels of the block ("Miejscowość:").
  static bool is_field_line(std::string_view line);

 private:
  struct Field {
    std::string label;               // canonical label
    std::vector<std::string> lines;  // the value, then continuation lines
  };
  std::vector<Field> fields_;
  std::vector<std::string> stray_;    // text before the first label
  std::vector<std::string> unknown_;  // "Label: value" lines with a label not in DESIGN.md §1.1
  bool blank_in_contacts_ = false;
};

}  // namespace bdp::legacy
