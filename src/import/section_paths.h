// SectionPaths: finds the section a breadcrumb names ("Usługi społeczne : Pomoc społeczna"),
// creating the sections that do not exist yet with the names as written. Not thread-safe (one
// per import); it caches the tree it was given and what it creates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/section.h"
#include "store/store.h"

namespace bdp::legacy {

class SectionPaths {
 public:
  explicit SectionPaths(std::vector<Section> sections);

  // The id of the deepest section of `path` (names compared case-insensitively). Missing
  // sections are saved to `store`, with legacy_key "p1=<p1>" / "p1=<p1>&p2=<p2>" when the old
  // address parameters are known; with `store` null (a dry run) they get negative ids and
  // nothing is written. `created` counts the sections added. Errors: the store's. REQUIRES:
  // `path` not empty.
  Result<std::int64_t> ensure(Store* store, const std::vector<std::string>& path,
                              const std::string& p1, const std::string& p2, int& created);

 private:
  const Section* child(std::optional<std::int64_t> parent, const std::string& name) const;
  std::string free_slug(const std::string& name, const Section* parent) const;
  std::vector<Section> sections_;
  std::int64_t next_dry_id_ = -1;
};

}  // namespace bdp::legacy
