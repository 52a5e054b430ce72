#include "import/section_paths.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/slug.h"
#include "legacy/plain_text.h"

namespace bdp::legacy {

SectionPaths::SectionPaths(std::vector<Section> sections) : sections_(std::move(sections)) {}

const Section* SectionPaths::child(std::optional<std::int64_t> parent,
                                   const std::string& name) const {
  const std::string folded = fold(name);
  for (const auto& section : sections_) {
    if (section.parent_id == parent && fold(section.name) == folded) return &section;
  }
  return nullptr;
}

// "praktyki" may exist under another parent already: then "wspolpraca-jst-ngo-praktyki".
std::string SectionPaths::free_slug(const std::string& name, const Section* parent) const {
  const auto taken = [&](const std::string& slug) {
    return std::any_of(sections_.begin(), sections_.end(),
                       [&](const Section& s) { return s.slug == slug; });
  };
  std::string slug = slugify(name);
  if (slug.empty()) slug = "dzial";
  if (!taken(slug)) return slug;
  if (parent) slug = slugify(parent->name + " " + name);
  for (int n = 2; taken(slug); ++n) slug = slugify(name) + "-" + std::to_string(n);
  return slug;
}

std::int64_t SectionPaths::ensure(const std::vector<std::string>& path, const std::string& p1,
                                  const std::string& p2, int& created) {
  std::optional<std::int64_t> parent;
  for (std::size_t depth = 0; depth < path.size(); ++depth) {
    if (const Section* found = child(parent, path[depth])) {
      parent = found->id;
      continue;
    }
    Section section;
    section.parent_id = parent;
    section.name = path[depth];
    const Section* parent_section = nullptr;
    for (const auto& s : sections_) {
      if (parent && s.id == *parent) parent_section = &s;
    }
    section.slug = free_slug(section.name, parent_section);
    section.position =
        static_cast<int>(std::count_if(sections_.begin(), sections_.end(),
                                       [&](const Section& s) { return s.parent_id == parent; }));
    if (depth == 0 && !p1.empty()) section.legacy_key = "p1=" + p1;
    if (depth == 1 && !p1.empty() && !p2.empty()) {
      section.legacy_key = fmt::format("p1={}&p2={}", p1, p2);
    }
    section.id = next_pending_id_--;
    ++created;
    sections_.push_back(section);
    parent = section.id;
  }
  return *parent;
}

std::vector<Section> SectionPaths::pending() const {
  std::vector<Section> added;
  for (const auto& section : sections_) {
    if (section.id < 0) added.push_back(section);  // in the order added: parents first
  }
  return added;
}

void SectionPaths::rename(std::int64_t from, std::int64_t to) {
  for (auto& section : sections_) {
    if (section.id == from) section.id = to;
    if (section.parent_id == from) section.parent_id = to;
  }
}

}  // namespace bdp::legacy
