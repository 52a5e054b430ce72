// OpenData: the portal's open-data documents — the bulk dumps with their sha256 files and field
// dictionary, the sitemap files, the Atom feeds — and the record context the read API shows
// practices with, all built per revision of the content: the first request after the change
// log moved builds a group of documents once (under a lock), every later one is served from
// memory until the next change. Never built per request. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"
#include "opendata/practice_record.h"
#include "store/store.h"
#include "web/site_config.h"

namespace bdp::web {

struct OpenDataFile {
  std::string body;
  std::string content_type;
  std::string etag;  // strong, from the bytes
};
// A group of documents built together: file name -> file.
using OpenDataFiles = std::map<std::string, std::shared_ptr<const OpenDataFile>>;
// Builds a group at the revision whose context is given.
using OpenDataBuilder =
    std::function<Result<OpenDataFiles>(Store&, const opendata::RecordContext&)>;

// The file with its etag and content type.
std::shared_ptr<const OpenDataFile> open_data_file(std::string body, std::string content_type);

class OpenData {
 public:
  // Borrowed; both must outlive this.
  OpenData(Store& store, const SiteConfig& config) : store_(store), config_(config) {}

  // Registers a group of files built together (before the first request).
  void add_group(std::string group, OpenDataBuilder build);
  // The file `name` of `group` at the store's current revision. not_found when the group does
  // not build it; the store's errors otherwise.
  Result<std::shared_ptr<const OpenDataFile>> file(const std::string& group,
                                                   const std::string& name);
  // Units and sections at the current revision.
  Result<std::shared_ptr<const opendata::RecordContext>> context();

 private:
  // REQUIRES: mutex_ held. Drops everything built when the revision moved.
  Status follow_revision();
  Store& store_;
  const SiteConfig& config_;
  std::mutex mutex_;
  std::int64_t revision_ = -1;
  std::shared_ptr<const opendata::RecordContext> context_;
  std::map<std::string, OpenDataBuilder> builders_;
  std::map<std::string, OpenDataFiles> built_;
};

}  // namespace bdp::web
