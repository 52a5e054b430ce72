#include "import/attachment_files.h"

#include <system_error>

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

// The file name a link's address ends in, decoded; invalid_input when there is none.
Result<std::string> linked_file_name(const std::string& url) {
  std::string_view path = url;
  path = path.substr(0, path.find_first_of("?#"));
  std::string decoded;
  if (auto ok = http::percent_decode(path, http::DecodeMode::path, decoded); !ok) {
    return fail(ErrorKind::invalid_input, "a malformed address");
  }
  return extract::clean_file_name(decoded);
}

bool imported_before(const std::vector<Document>& documents, const std::string& name) {
  for (const auto& d : documents) {
    for (const auto& v : d.versions) {
      if (v.file_name == name) return true;
    }
  }
  return false;
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
  for (const auto& attachment : practice.attachments) {
    const auto keep = [&](const std::string& why) {
      out.links.push_back(attachment);
      out.warnings.push_back({"Załączniki", "'" + attachment.title + "' (" + attachment.url +
                                                ") stays a link: " + why});
    };
    auto name = linked_file_name(attachment.url);
    if (!name) {
      keep("its address names no file");
      continue;
    }
    if (imported_before(*existing, *name)) continue;
    const std::filesystem::path file = dir / *name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      keep("no file " + *name + " in " + dir.string());
      continue;
    }
    auto kind = extract::sniff_file(file, extract::UploadLimits{});
    if (!kind) {
      keep("the file " + *name + " is refused: " + kind.error().message);
      continue;
    }
    ++out.stored;
    if (dry_run) continue;
    FileByteSource source(file);
    if (!source.is_open()) return fail(ErrorKind::unavailable, "cannot open " + file.string());
    const std::string title = attachment.title.empty() ? *name : attachment.title;
    const AuditEntry audit{0, now, std::nullopt, "import", "document:import", "", *name};
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
        documents.add_version({id, *name, extract::extension(*kind), now, "import"}, source, audit);
    if (!version) return std::unexpected(version.error());
  }
  return out;
}

}  // namespace bdp::legacy
