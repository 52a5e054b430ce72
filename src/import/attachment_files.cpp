#include "import/attachment_files.h"

#include <algorithm>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "core/slug.h"
#include "extract/sniff.h"
#include "http/target.h"
#include "store/byte_sources.h"

namespace bdp::legacy {
namespace {

// The kind a link's text suggests ("Uchwała nr 12…" → uchwała); editors may change it.
DocumentKind kind_from_title(const std::string& title) {
  const std::string words = slugify(title);
  const std::pair<const char*, DocumentKind> stems[] = {
      {"uchwal", DocumentKind::uchwala},    {"zarzadzeni", DocumentKind::zarzadzenie},
      {"raport", DocumentKind::raport},     {"prezentacj", DocumentKind::prezentacja},
      {"poradnik", DocumentKind::poradnik}, {"publikacj", DocumentKind::publikacja}};
  for (const auto& [stem, kind] : stems) {
    if (words.find(stem) != std::string::npos) return kind;
  }
  return DocumentKind::inny;
}

// The folders and file name of a link's address (its path, after any scheme and host),
// percent-decoded; invalid_input when it is malformed, climbs out ("..") or ends in no file.
Result<std::vector<std::string>> linked_path(const std::string& url) {
  std::string_view path = url;
  path = path.substr(0, path.find_first_of("?#"));
  if (const auto scheme = path.find("://"); scheme != std::string_view::npos) {
    const auto slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  std::string decoded;
  if (auto ok = http::percent_decode(path, http::DecodeMode::path, decoded); !ok) {
    return fail(ErrorKind::invalid_input, "a malformed address");
  }
  auto name = extract::clean_file_name(decoded);  // refuses ".." anywhere in the path
  if (!name) return std::unexpected(name.error());
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= decoded.size()) {
    const std::size_t end = std::min(decoded.find_first_of("/\\", start), decoded.size());
    if (end > start && decoded.compare(start, end - start, ".") != 0) {
      segments.push_back(decoded.substr(start, end - start));
    }
    start = end + 1;
  }
  segments.back() = *name;
  return segments;
}

// The file of a link under `dir`: its whole path first (pliki/523/ewaluacja.pdf), then without
// its leading folders one by one (523/ewaluacja.pdf, ewaluacja.pdf), since an archive may keep
// a folder per page or none; nullopt when none is a regular file.
std::optional<std::filesystem::path> find_file(const std::filesystem::path& dir,
                                               const std::vector<std::string>& segments) {
  for (std::size_t first = 0; first < segments.size(); ++first) {
    std::filesystem::path candidate = dir;
    for (std::size_t i = first; i < segments.size(); ++i) candidate /= segments[i];
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

// A document of the practice titled `title` left without a file by an import that broke off
// (its version is added now); 0 when none.
std::int64_t left_without_file(const std::vector<Document>& documents, const std::string& title) {
  for (const auto& d : documents) {
    if (d.versions.empty() && d.title == title) return d.id;
  }
  return 0;
}

}  // namespace

Result<AttachedFiles> attach_files(DocumentStore& documents, const Practice& practice,
                                   const std::filesystem::path& dir, bool dry_run,
                                   std::int64_t now) {
  AttachedFiles out;
  if (practice.attachments.empty()) return out;
  auto existing = documents.documents_of_practice(practice.id);
  if (!existing) return std::unexpected(existing.error());
  // The files the practice's documents hold already, by name and size: imported before.
  std::set<std::pair<std::string, std::int64_t>> held;
  for (const auto& d : *existing) {
    for (const auto& v : d.versions) held.emplace(v.file_name, v.size);
  }
  for (const auto& attachment : practice.attachments) {
    const auto keep = [&](const std::string& why) {
      out.links.push_back(attachment);
      out.warnings.push_back({"Załączniki", "'" + attachment.title + "' (" + attachment.url +
                                                ") stays a link: " + why});
    };
    auto segments = linked_path(attachment.url);
    if (!segments) {
      keep("its address names no file");
      continue;
    }
    const std::string& name = segments->back();
    const auto file = find_file(dir, *segments);
    if (!file) {
      keep("no file for it in " + dir.string());
      continue;
    }
    std::error_code ec;
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(*file, ec));
    if (held.contains({name, size})) continue;
    auto kind = extract::sniff_file(*file, extract::UploadLimits{});
    if (!kind) {
      keep("the file " + name + " is refused: " + kind.error().message);
      continue;
    }
    if (dry_run) {
      ++out.stored;
      continue;
    }
    FileByteSource source(*file);
    if (!source.is_open()) return fail(ErrorKind::unavailable, "cannot open " + file->string());
    const std::string title = attachment.title.empty() ? name : attachment.title;
    const AuditEntry audit{0, now, std::nullopt, "import", "document:import", "", name};
    std::int64_t id = left_without_file(*existing, title);
    if (id == 0) {
      Document d;
      d.title = title;
      d.kind = kind_from_title(title);
      d.practice_ids = {practice.id};
      d.unit_ids = {practice.unit_id};
      auto saved = documents.save_document(d, audit);
      if (!saved) return std::unexpected(saved.error());
      id = *saved;
    }
    auto version =
        documents.add_version({id, name, extract::extension(*kind), now, "import"}, source, audit);
    if (!version) return std::unexpected(version.error());
    held.emplace(name, version->size);
    ++out.stored;
  }
  return out;
}

}  // namespace bdp::legacy
