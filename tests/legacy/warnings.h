// Test helper: does a page carry a warning about `field` whose message contains `part`?
#pragma once

#include <algorithm>
#include <string>

#include "legacy/legacy_page.h"

namespace bdp::legacy::test {

inline bool has_warning(const LegacyPage& page, const std::string& field, const std::string& part) {
  return std::any_of(page.warnings.begin(), page.warnings.end(), [&](const Warning& w) {
    return w.field == field && w.message.find(part) != std::string::npos;
  });
}

}  // namespace bdp::legacy::test
