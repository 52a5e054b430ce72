#include "web/open_data.h"

#include <spdlog/spdlog.h>
#include <stdlib.h>

#include <vector>

#include "opendata/digest.h"

namespace bdp::web {
namespace {

// After a failed build (the database away, the disk full), the next try without a change.
constexpr auto kRetryAfterFailure = std::chrono::seconds(30);

Result<std::shared_ptr<const opendata::RecordContext>> read_context(Store& store,
                                                                    const SiteConfig& config) {
  auto units = store.units();
  if (!units) return std::unexpected(units.error());
  auto sections = store.sections();
  if (!sections) return std::unexpected(sections.error());
  return std::make_shared<const opendata::RecordContext>(config.base_url, std::move(*units),
                                                         std::move(*sections));
}

Result<std::filesystem::path> temporary_folder() {
  std::error_code ec;
  const auto base = std::filesystem::temp_directory_path(ec);
  if (ec) return fail(ErrorKind::unavailable, "no temporary folder: " + ec.message());
  std::string pattern = (base / "bdp-opendata-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return fail(ErrorKind::unavailable, "cannot create " + pattern);
  }
  return std::filesystem::path(pattern);
}

// Creates `folder` and removes what is in it.
Status emptied(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec)
    return fail(ErrorKind::unavailable, "cannot create " + folder.string() + ": " + ec.message());
  for (auto it = std::filesystem::directory_iterator(folder, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    std::error_code removing;
    std::filesystem::remove_all(it->path(), removing);
    if (removing) {
      return fail(ErrorKind::unavailable,
                  "cannot remove " + it->path().string() + ": " + removing.message());
    }
  }
  if (ec)
    return fail(ErrorKind::unavailable, "cannot empty " + folder.string() + ": " + ec.message());
  return {};
}

}  // namespace

std::ostream& OpenDataWriter::open(const std::string& name, std::string content_type) {
  const auto path = folder_ / name;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);  // a failure shows as a bad stream
  auto& pending = pending_[name];
  pending.out = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  pending.content_type = std::move(content_type);
  return *pending.out;
}

Result<OpenDataFile> OpenDataWriter::finish(const std::string& name) {
  auto found = pending_.find(name);
  if (found == pending_.end()) {
    auto done = done_.find(name);
    if (done == done_.end()) return fail(ErrorKind::internal, "open data: no file " + name);
    return done->second;
  }
  const auto path = folder_ / name;
  found->second.out->close();
  const bool written = !found->second.out->fail();
  OpenDataFile file{path, 0, std::move(found->second.content_type), {}, {}};
  pending_.erase(found);
  if (!written) return fail(ErrorKind::unavailable, "cannot write " + path.string());
  std::error_code ec;
  file.size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorKind::unavailable, "cannot read " + path.string());
  auto sha256 = opendata::sha256_file_hex(path);
  if (!sha256) return std::unexpected(sha256.error());
  file.sha256 = std::move(*sha256);
  file.etag = "\"" + file.sha256.substr(0, 32) + "\"";
  return done_[name] = std::move(file);
}

Result<OpenDataFile> OpenDataWriter::add(const std::string& name, std::string_view bytes,
                                         std::string content_type) {
  open(name, std::move(content_type))
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return finish(name);
}

Result<OpenDataFiles> OpenDataWriter::files() {
  while (!pending_.empty()) {
    const std::string name = pending_.begin()->first;  // finish() erases the key
    if (auto done = finish(name); !done) return std::unexpected(done.error());
  }
  return done_;
}

Status OpenData::start() {
  if (folder_.empty()) {
    auto made = temporary_folder();
    if (!made) return std::unexpected(made.error());
    folder_ = std::move(*made);
    temporary_ = true;
  }
  if (auto ready = emptied(folder_); !ready) return ready;
  worker_ = std::thread([this] { run(); });
  return {};
}

OpenData::~OpenData() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  built_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (temporary_) {
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
  }
}

void OpenData::add_group(std::string group, OpenDataBuilder build) {
  {
    std::lock_guard lock(mutex_);
    order_.push_back(group);
    groups_[std::move(group)].build = std::move(build);
    dirty_ = true;
  }
  wake_.notify_all();
}

void OpenData::changed() {
  {
    std::lock_guard lock(mutex_);
    dirty_ = true;
  }
  wake_.notify_all();
}

void OpenData::run() {
  std::unique_lock lock(mutex_);
  bool retry = false;  // a build failed: tried again after a while even with no change
  for (;;) {
    const auto woken = [this] { return dirty_ || stopping_; };
    if (retry) {
      wake_.wait_for(lock, kRetryAfterFailure, woken);
    } else {
      wake_.wait(lock, woken);
    }
    if (stopping_) return;
    dirty_ = false;
    lock.unlock();
    retry = !build_behind();
    lock.lock();
  }
}

bool OpenData::build_behind() {
  auto revision = store_.last_change_seq();
  if (!revision) {
    spdlog::warn("open data: cannot read the change log: {}", revision.error().message);
    return false;
  }
  std::vector<std::pair<std::string, OpenDataBuilder>> behind;
  {
    std::lock_guard lock(mutex_);
    for (const auto& name : order_) {
      const Group& group = groups_.at(name);
      if (group.revision != *revision) behind.emplace_back(name, group.build);
    }
  }
  bool all_built = true;
  for (const auto& [name, builder] : behind) all_built &= build(name, builder, *revision);
  return all_built;
}

bool OpenData::build(const std::string& name, const OpenDataBuilder& builder,
                     std::int64_t revision) {
  const auto started = std::chrono::steady_clock::now();
  std::filesystem::path folder;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return true;
    folder = folder_ / (name + "-" + std::to_string(++builds_));
  }
  auto partial = folder;
  partial += ".partial";
  auto built = [&]() -> Result<OpenDataFiles> {
    std::error_code ec;
    std::filesystem::create_directories(partial, ec);
    if (ec) return fail(ErrorKind::unavailable, "cannot create " + partial.string());
    auto context = read_context(store_, config_);
    if (!context) return std::unexpected(context.error());
    OpenDataWriter writer(partial, stopping_);
    if (auto written = builder(store_, **context, writer); !written) {
      return std::unexpected(written.error());
    }
    auto files = writer.files();
    if (!files) return files;
    std::filesystem::rename(partial, folder, ec);
    if (ec) return fail(ErrorKind::unavailable, "cannot rename " + partial.string());
    for (auto& [file_name, file] : *files) file.path = folder / file_name;
    return files;
  }();
  std::error_code ec;
  std::filesystem::path stale;
  if (!built) {
    spdlog::warn("open data: cannot build {} at revision {}: {}", name, revision,
                 built.error().message);
    std::filesystem::remove_all(partial, ec);
    return false;
  }
  {
    std::lock_guard lock(mutex_);
    auto& group = groups_[name];
    // The build before the last stays one more round: a request may be about to open it.
    stale = std::exchange(group.previous_folder, group.folder);
    group.folder = folder;
    group.files = std::move(*built);
    group.revision = revision;
  }
  built_.notify_all();
  if (!stale.empty()) std::filesystem::remove_all(stale, ec);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  spdlog::log(took > std::chrono::seconds(1) ? spdlog::level::info : spdlog::level::debug,
              "open data: {} built at revision {} in {} ms", name, revision, took.count());
  return true;
}

Status OpenData::follow_revision() {
  auto revision = store_.last_change_seq();
  if (!revision) return std::unexpected(revision.error());
  if (*revision == revision_ && context_) return {};
  auto context = read_context(store_, config_);
  if (!context) return std::unexpected(context.error());
  context_ = std::move(*context);
  revision_ = *revision;
  return {};
}

Result<std::shared_ptr<const opendata::RecordContext>> OpenData::context() {
  std::lock_guard lock(context_mutex_);
  if (auto followed = follow_revision(); !followed) return std::unexpected(followed.error());
  return context_;
}

Result<OpenDataFile> OpenData::file(const std::string& group, const std::string& name) {
  std::unique_lock lock(mutex_);
  auto found = groups_.find(group);
  if (found == groups_.end()) return fail(ErrorKind::not_found, "no open-data " + group);
  const Group& g = found->second;
  built_.wait_for(lock, first_build_wait, [&] { return g.revision >= 0 || stopping_; });
  if (g.revision < 0) {
    return fail(ErrorKind::unavailable, "open data " + group + " is not built yet");
  }
  auto file = g.files.find(name);
  if (file == g.files.end()) return fail(ErrorKind::not_found, "no open-data file " + name);
  return file->second;
}

}  // namespace bdp::web
