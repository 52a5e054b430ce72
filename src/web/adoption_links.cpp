#include "web/adoption_links.h"

#include "web/cache_tags.h"

namespace bdp::web {
namespace {

// The unit of `adoption` and the practice `linked_id` as a link (none when 0 or not public).
Result<AdoptionLink> link_of(Store& store, const Adoption& adoption, std::int64_t linked_id,
                             std::vector<std::string>& tags) {
  auto unit = store.unit(adoption.unit_id);
  if (!unit) return std::unexpected(unit.error());
  tags.push_back(unit_tag(unit->id));
  AdoptionLink link{adoption, std::move(*unit), std::nullopt};
  if (linked_id == 0) return link;
  tags.push_back(practice_tag(linked_id));
  auto practice = store.practice(linked_id);
  if (!practice) {
    if (practice.error().kind == ErrorKind::not_found) return link;
    return std::unexpected(practice.error());
  }
  if (has_public_page(practice->status)) {
    link.practice = PageLink{practice->title, practice_path(*practice)};
  }
  return link;
}

}  // namespace

Result<PracticeAdoptions> practice_adoptions(Store& store, std::int64_t practice_id,
                                             std::vector<std::string>& tags) {
  auto adoptions = store.adoptions_of(practice_id);
  if (!adoptions) return std::unexpected(adoptions.error());
  PracticeAdoptions out;
  for (const auto& a : *adoptions) {
    if (a.status != AdoptionStatus::published) continue;
    const bool taken_up = a.practice_id == practice_id;
    auto link = link_of(store, a, taken_up ? a.adopting_practice_id : a.practice_id, tags);
    if (!link) return std::unexpected(link.error());
    if (taken_up) {
      out.taken_up.push_back(std::move(*link));
    } else if (link->practice) {
      out.inspired_by.push_back(std::move(*link));  // a practice not shown is no inspiration
    }
  }
  return out;
}

Result<std::vector<DeskAdoption>> desk_adoptions(Store& store,
                                                 const std::vector<Adoption>& adoptions) {
  std::vector<std::string> tags;
  std::vector<DeskAdoption> out;
  for (const auto& a : adoptions) {
    auto link = link_of(store, a, a.practice_id, tags);
    if (!link) return std::unexpected(link.error());
    DeskAdoption row{std::move(*link), std::nullopt, ""};
    if (a.adopting_practice_id != 0) {
      auto own = store.practice(a.adopting_practice_id);
      if (!own && own.error().kind != ErrorKind::not_found) return std::unexpected(own.error());
      if (own) {
        auto unit = store.unit(own->unit_id);
        if (!unit) return std::unexpected(unit.error());
        row.own = PageLink{own->title, practice_path(*own)};
        row.own_unit = unit->name;
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace bdp::web
