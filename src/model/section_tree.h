// SectionTree: navigation over a list of sections (parents, children, paths). Built from a
// snapshot of Store::sections(); immutable, thread-safe to read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/section.h"

namespace bdp {

class SectionTree {
 public:
  explicit SectionTree(std::vector<Section> sections);
  const std::vector<Section>& all() const { return sections_; }
  const Section* find(std::int64_t id) const;
  const Section* find_by_slug(const std::string& slug) const;
  const Section* find_by_legacy_key(const std::string& key) const;
  // Top-level sections (children of nothing) or children of `parent_id`, in position order.
  std::vector<const Section*> children(std::optional<std::int64_t> parent_id) const;
  // Root-first chain from the top-level section down to `id`; empty when unknown.
  std::vector<const Section*> path(std::int64_t id) const;

 private:
  std::vector<Section> sections_;
};

}  // namespace bdp
