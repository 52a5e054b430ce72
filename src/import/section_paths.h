// SectionPaths: finds the section a breadcrumb names ("Usługi społeczne : Pomoc społeczna"),
// adding the sections that do not exist yet with the names as written, under pending ids until
// the caller stores them. Not thread-safe (one per import); it caches the tree it was given and
// what it adds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/section.h"

namespace bdp::legacy {

class SectionPaths {
 public:
  explicit SectionPaths(std::vector<Section> sections);

  // The id of the deepest section of `path` (names compared case-insensitively). Missing
  // sections are added with a pending (negative) id and legacy_key "p1=<p1>" /
  // "p1=<p1>&p2=<p2>" when the old address parameters are known; `created` counts them.
  // REQUIRES: `path` not empty.
  std::int64_t ensure(const std::vector<std::string>& path, const std::string& p1,
                      const std::string& p2, int& created);
  // The sections added and not yet stored, parents first, with their pending ids (parent_id
  // may be pending too).
  std::vector<Section> pending() const;
  // Gives the section known by the pending id `from` its stored id `to` (its children follow).
  void rename(std::int64_t from, std::int64_t to);

 private:
  const Section* child(std::optional<std::int64_t> parent, const std::string& name) const;
  std::string free_slug(const std::string& name, const Section* parent) const;
  std::vector<Section> sections_;
  std::int64_t next_pending_id_ = -1;
};

}  // namespace bdp::legacy
