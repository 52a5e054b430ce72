// The tags of cached pages: each page is tagged, when rendered, with the entities it shows
// ("practice:5", "unit:3", "home", …), so that a change drops only the pages showing what
// changed (PageCache::drop). Search pages are not cached (their facet counts come from the
// index, which follows the change log itself). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/section_tree.h"
#include "store/store.h"

namespace bdp::web {

// Pages showing the practice: its own pages, listings naming it, pages linking it as similar.
std::string practice_tag(std::int64_t id);
// Pages showing the unit's data: its page, its practices' Metryka, listings naming it.
std::string unit_tag(std::int64_t id);
// The unit's page, which lists its practices.
std::string unit_practices_tag(std::int64_t id);
// The listings of the section's practices.
std::string section_practices_tag(std::int64_t id);
inline constexpr const char* kHomeTag = "home";    // the home page: newest practices, counts
inline constexpr const char* kLinksTag = "links";  // /inne-bazy: the links to other databases
// The document's page.
std::string document_tag(std::int64_t id);
inline constexpr const char* kDocumentsTag = "documents";  // the library's listing /publikacje

// The tags of a section's listing: section_practices_tag of the section and of every
// subsection under it, whose practices it lists too.
std::vector<std::string> listing_tags(const SectionTree& tree, std::int64_t section_id);

// The tags of the pages `change` makes stale, or nullopt when it makes every page stale: a
// section or setting change (every page's menu shows the sections), or a practice change that
// names no related entities (from a store that does not fill Change::related: its old
// sections cannot be known).
std::optional<std::vector<std::string>> stale_tags(const Change& change);

}  // namespace bdp::web
