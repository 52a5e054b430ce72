#include "web/open_data.h"

#include "opendata/digest.h"

namespace bdp::web {

std::shared_ptr<const OpenDataFile> open_data_file(std::string body, std::string content_type) {
  auto file = std::make_shared<OpenDataFile>();
  file->etag = "\"" + opendata::sha256_hex(body).substr(0, 32) + "\"";
  file->body = std::move(body);
  file->content_type = std::move(content_type);
  return file;
}

void OpenData::add_group(std::string group, OpenDataBuilder build) {
  std::lock_guard lock(mutex_);
  builders_[std::move(group)] = std::move(build);
}

Status OpenData::follow_revision() {
  auto revision = store_.last_change_seq();
  if (!revision) return std::unexpected(revision.error());
  if (*revision == revision_ && context_) return {};
  auto units = store_.units();
  if (!units) return std::unexpected(units.error());
  auto sections = store_.sections();
  if (!sections) return std::unexpected(sections.error());
  context_ = std::make_shared<const opendata::RecordContext>(config_.base_url, std::move(*units),
                                                             std::move(*sections));
  built_.clear();
  revision_ = *revision;
  return {};
}

Result<std::shared_ptr<const opendata::RecordContext>> OpenData::context() {
  std::lock_guard lock(mutex_);
  if (auto followed = follow_revision(); !followed) return std::unexpected(followed.error());
  return context_;
}

Result<std::shared_ptr<const OpenDataFile>> OpenData::file(const std::string& group,
                                                           const std::string& name) {
  std::lock_guard lock(mutex_);
  if (auto followed = follow_revision(); !followed) return std::unexpected(followed.error());
  auto built = built_.find(group);
  if (built == built_.end()) {
    auto builder = builders_.find(group);
    if (builder == builders_.end()) return fail(ErrorKind::not_found, "no open-data " + group);
    auto files = builder->second(store_, *context_);
    if (!files) return std::unexpected(files.error());
    built = built_.emplace(group, std::move(*files)).first;
  }
  auto found = built->second.find(name);
  if (found == built->second.end()) return fail(ErrorKind::not_found, "no open-data file " + name);
  return found->second;
}

}  // namespace bdp::web
