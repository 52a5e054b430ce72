// OpenData: the portal's open-data files — the bulk dumps with their sha256 files and field
// dictionary, the catalogue for harvesters, the sitemap files, the Atom feeds — built on a
// thread of their own whenever the change log moves (never by a request), into files in a
// folder of this node: each group is written under a temporary name and renamed into place
// whole, so a reader sees the last complete build, never a half-written one. Also the record
// context the read API shows practices with. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/result.h"
#include "opendata/practice_record.h"
#include "store/store.h"
#include "web/site_config.h"

namespace bdp::web {

// One built file.
struct OpenDataFile {
  std::filesystem::path path;
  std::uint64_t size = 0;
  std::string content_type;
  std::string sha256;  // hex, of the bytes
  std::string etag;    // strong, from the sha256
};
using OpenDataFiles = std::map<std::string, OpenDataFile>;

// The files of one group being built, in a folder of their own. Not thread-safe.
class OpenDataWriter {
 public:
  // Writes into `folder`; `stopping` (borrowed) tells a long build to give up.
  OpenDataWriter(std::filesystem::path folder, const std::atomic<bool>& stopping)
      : folder_(std::move(folder)), stopping_(stopping) {}
  // True once the portal stops: a builder may end early (its group is then not built).
  bool cancelled() const { return stopping_.load(); }
  // A stream for the file `name` (a plain name or "dir/name"), written until finish(name).
  std::ostream& open(const std::string& name, std::string content_type);
  // Closes `name`; returns its entry. Errors: unavailable (a write failed: the disk is full).
  Result<OpenDataFile> finish(const std::string& name);
  // open(), the bytes, finish().
  Result<OpenDataFile> add(const std::string& name, std::string_view bytes,
                           std::string content_type);
  // Every file, each finished. Errors: those of finish.
  Result<OpenDataFiles> files();

 private:
  struct Pending {
    std::unique_ptr<std::ofstream> out;
    std::string content_type;
  };
  std::filesystem::path folder_;
  const std::atomic<bool>& stopping_;
  std::map<std::string, Pending> pending_;
  OpenDataFiles done_;
};

// Writes a group's files at the revision whose context is given.
using OpenDataBuilder =
    std::function<Status(Store&, const opendata::RecordContext&, OpenDataWriter&)>;

class OpenData {
 public:
  // Borrowed; both must outlive this. Builds into `folder`; an empty `folder` is a temporary
  // one, removed with this.
  OpenData(Store& store, const SiteConfig& config, std::filesystem::path folder)
      : store_(store), config_(config), folder_(std::move(folder)) {}
  ~OpenData();
  OpenData(const OpenData&) = delete;
  OpenData& operator=(const OpenData&) = delete;

  // Registers a group of files built together (before start()); groups are built in the order
  // they were added, after every change.
  void add_group(std::string group, OpenDataBuilder build);
  // Creates the folder (emptying what a previous process left there) and starts building.
  // Errors: unavailable (the folder cannot be made or emptied).
  Status start();
  // The change log may have moved: builds what is behind it (the change follower's call).
  void changed();
  // The file `name` of `group` from its last complete build. Before the first build has
  // finished, waits for it up to `first_build_wait`, then unavailable. not_found when the
  // group does not build that file.
  Result<OpenDataFile> file(const std::string& group, const std::string& name);
  // Units and sections at the current revision.
  Result<std::shared_ptr<const opendata::RecordContext>> context();

  // How long a request waits for a group's first build (holding a server thread meanwhile).
  std::chrono::milliseconds first_build_wait{3000};

 private:
  struct Group {
    OpenDataBuilder build;
    std::int64_t revision = -1;             // of the last complete build; -1 before the first
    std::filesystem::path folder;           // of the last complete build
    std::filesystem::path previous_folder;  // of the one before, removed by the next
    OpenDataFiles files;
  };
  // The worker: waits for changed(), then builds what is behind.
  void run();
  // Builds every group behind the change log; false when one failed or the log is unreadable.
  // REQUIRES (this and build): mutex_ not held.
  bool build_behind();
  // Builds group `name` at `revision` into a new folder and puts it in place; false on failure
  // (logged; the last complete build stays).
  bool build(const std::string& name, const OpenDataBuilder& builder, std::int64_t revision);
  // REQUIRES: context_mutex_ held. Rebuilds the context when the revision moved.
  Status follow_revision();

  Store& store_;
  const SiteConfig& config_;
  std::filesystem::path folder_;
  bool temporary_ = false;
  std::mutex mutex_;               // the groups and the worker's state
  std::condition_variable wake_;   // the worker: something to build, or stop
  std::condition_variable built_;  // requests waiting for a first build
  bool dirty_ = true;
  std::atomic<bool> stopping_ = false;
  std::mutex context_mutex_;    // the API's context, apart from the builds
  std::int64_t revision_ = -1;  // of context_
  std::shared_ptr<const opendata::RecordContext> context_;
  std::map<std::string, Group> groups_;
  std::vector<std::string> order_;  // the groups in the order they were added
  std::int64_t builds_ = 0;         // folder names' counter
  std::thread worker_;              // started by start()
};

}  // namespace bdp::web
