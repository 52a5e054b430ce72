#include "model/section_tree.h"

#include <algorithm>

namespace bdp {

SectionTree::SectionTree(std::vector<Section> sections) : sections_(std::move(sections)) {
  std::stable_sort(sections_.begin(), sections_.end(),
                   [](const Section& a, const Section& b) { return a.position < b.position; });
}

const Section* SectionTree::find(std::int64_t id) const {
  for (const auto& s : sections_) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Section* SectionTree::find_by_slug(const std::string& slug) const {
  for (const auto& s : sections_) {
    if (s.slug == slug) return &s;
  }
  return nullptr;
}

const Section* SectionTree::find_by_legacy_key(const std::string& key) const {
  for (const auto& s : sections_) {
    if (!key.empty() && s.legacy_key == key) return &s;
  }
  return nullptr;
}

std::vector<const Section*> SectionTree::children(std::optional<std::int64_t> parent_id) const {
  std::vector<const Section*> out;
  for (const auto& s : sections_) {
    if (s.parent_id == parent_id) out.push_back(&s);
  }
  return out;
}

std::vector<const Section*> SectionTree::path(std::int64_t id) const {
  std::vector<const Section*> chain;
  for (const Section* s = find(id); s && chain.size() < 16;
       s = s->parent_id ? find(*s->parent_id) : nullptr) {
    chain.push_back(s);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace bdp
