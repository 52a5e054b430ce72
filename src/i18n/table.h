// Internal: the raw translation table behind tr() (i18n.h).
#pragma once

#include <string_view>
#include <vector>

namespace bdp::i18n {

struct Entry {
  std::string_view key, pl, en;
};
const std::vector<Entry>& table();

}  // namespace bdp::i18n
