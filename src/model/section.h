// Section (dział): a node of the section tree; the tree is data, edited by editors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace bdp {

struct Section {
  std::int64_t id = 0;                    // 0 until stored
  std::optional<std::int64_t> parent_id;  // empty for a top-level section
  std::string slug;                       // unique: "uslugi-spoleczne", "pomoc-spoleczna"
  std::string name;                       // "Pomoc społeczna"
  int position = 0;                       // order among siblings
  std::string legacy_key;                 // the old portal's p1/p2 value, "" when none
  bool operator==(const Section&) const = default;
};

}  // namespace bdp
