// A document's versions, the text found in them and their thumbnails.
#include <string>

#include "store/sql/document_tables.h"
#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kVersionColumns =
    "SELECT v.id, v.document_id, v.number, v.sha256, f.size, v.file_name, v.format, "
    "v.uploaded_at, v.uploaded_by, v.withdrawn_at, v.withdrawn_by, v.withdrawn_reason, "
    "v.text_status FROM document_versions v JOIN files f ON f.sha256 = v.sha256 ";

std::vector<DocumentVersion> versions_from(Rows& r) {
  std::vector<DocumentVersion> out;
  out.reserve(static_cast<std::size_t>(r.size()));
  for (int i = 0; i < r.size(); ++i) {
    DocumentVersion v;
    v.id = r.integer(i, 0);
    v.document_id = r.integer(i, 1);
    v.number = static_cast<int>(r.integer(i, 2));
    v.sha256 = r.take_text(i, 3);
    v.size = r.integer(i, 4);
    v.file_name = r.take_text(i, 5);
    v.format = r.take_text(i, 6);
    v.uploaded_at = r.integer(i, 7);
    v.uploaded_by = r.take_text(i, 8);
    v.withdrawn_at = r.optional_integer(i, 9);
    v.withdrawn_by = r.take_text(i, 10);
    v.withdrawn_reason = r.take_text(i, 11);
    v.text_status = r.take_text(i, 12);
    out.push_back(std::move(v));
  }
  return out;
}

Status audited(Connection& c, const AuditEntry& audit, std::int64_t document_id) {
  AuditEntry entry = audit;
  entry.entity = "document:" + std::to_string(document_id);
  return write_audit(c, entry);
}

// Replaces the pages and thumbnail of version `version_id`.
Status replace_text(Connection& c, std::int64_t version_id, const std::vector<PageText>& pages,
                    const std::string& thumbnail_png) {
  for (auto sql : {"DELETE FROM version_pages WHERE version_id = $1",
                   "DELETE FROM version_thumbnails WHERE version_id = $1"}) {
    if (auto cleared = c.run(sql, {value(version_id)}); !cleared) return cleared;
  }
  for (const auto& page : pages) {
    if (auto put = c.run("INSERT INTO version_pages (version_id, page, text) VALUES ($1, $2, $3)",
                         {value(version_id), value(page.page), value(page.text)});
        !put) {
      return put;
    }
  }
  if (!thumbnail_png.empty()) {
    if (auto put = c.run("INSERT INTO version_thumbnails (version_id, png) VALUES ($1, $2)",
                         {value(version_id), value(Blob{thumbnail_png})});
        !put) {
      return put;
    }
  }
  return {};
}

}  // namespace

Result<DocumentVersion> write_version(Connection& c, const NewVersion& version,
                                      const std::string& sha256, const AuditEntry& audit) {
  if (version.file_name.empty() || version.format.empty()) {
    return fail(ErrorKind::invalid_input, "a version needs a file name and a format");
  }
  auto number = c.exec(
      "SELECT (SELECT COALESCE(MAX(number), 0) FROM document_versions WHERE document_id = $1), "
      "(SELECT COUNT(*) FROM documents WHERE id = $1)",
      {value(version.document_id)});
  if (!number) return std::unexpected(number.error());
  if (number->integer(0, 1) == 0) {
    return fail(ErrorKind::not_found, "no document " + std::to_string(version.document_id));
  }
  auto id = c.single_integer(
      "INSERT INTO document_versions (document_id, number, sha256, file_name, format, "
      "uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {value(version.document_id), value(number->integer(0, 0) + 1), value(sha256),
       value(version.file_name), value(version.format), value(version.uploaded_at),
       value(version.uploaded_by)});
  if (!id) return std::unexpected(id.error());
  if (auto touched = c.run("UPDATE documents SET updated_at = $1 WHERE id = $2",
                           {value(version.uploaded_at), value(version.document_id)});
      !touched) {
    return std::unexpected(touched.error());
  }
  if (auto logged = append_document_change(c, version.document_id); !logged) {
    return std::unexpected(logged.error());
  }
  if (auto logged = audited(c, audit, version.document_id); !logged) {
    return std::unexpected(logged.error());
  }
  return read_version(c, *id);
}

Status write_withdrawal(Connection& c, std::int64_t version_id, std::int64_t at,
                        const std::string& by, const std::string& reason, const AuditEntry& audit) {
  auto version = read_version(c, version_id);
  if (!version) return std::unexpected(version.error());
  if (version->withdrawn_at) {
    return fail(ErrorKind::conflict, "version " + std::to_string(version_id) + " is withdrawn");
  }
  if (auto hidden = c.run("UPDATE document_versions SET withdrawn_at = $1, withdrawn_by = $2, "
                          "withdrawn_reason = $3 WHERE id = $4",
                          {value(at), value(by), value(reason), value(version_id)});
      !hidden) {
    return hidden;
  }
  if (auto logged = append_document_change(c, version->document_id); !logged) return logged;
  return audited(c, audit, version->document_id);
}

Result<DocumentVersion> read_version(Connection& c, std::int64_t version_id) {
  auto rows = c.exec(std::string(kVersionColumns) + "WHERE v.id = $1", {value(version_id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no version " + std::to_string(version_id));
  return std::move(versions_from(*rows).front());
}

Result<std::vector<DocumentVersion>> read_versions_of(Connection& c,
                                                      const std::vector<std::int64_t>& ids) {
  auto rows =
      c.exec(std::string(kVersionColumns) + "WHERE " + c.dialect().in_ids("v.document_id", 1) +
                 " ORDER BY v.document_id, v.number",
             {value(IdList{ids})});
  if (!rows) return std::unexpected(rows.error());
  return versions_from(*rows);
}

Status write_text(Connection& c, std::int64_t version_id, const std::string& status,
                  const std::vector<PageText>& pages, const std::string& thumbnail_png) {
  auto version = read_version(c, version_id);
  if (!version) return std::unexpected(version.error());
  if (auto replaced = replace_text(c, version_id, pages, thumbnail_png); !replaced) {
    return replaced;
  }
  if (auto marked = c.run("UPDATE document_versions SET text_status = $1 WHERE id = $2",
                          {value(status), value(version_id)});
      !marked) {
    return marked;
  }
  return append_document_change(c, version->document_id);
}

Status write_version_copy(Connection& c, const DocumentVersion& v,
                          const std::vector<PageText>& pages, const std::string& thumbnail_png) {
  if (v.file_name.empty() || v.format.empty() || v.number < 1) {
    return fail(ErrorKind::invalid_input, "a version needs a number, a file name and a format");
  }
  auto stored = c.single_integer("SELECT COUNT(*) FROM files WHERE sha256 = $1", {value(v.sha256)});
  if (!stored) return std::unexpected(stored.error());
  if (*stored == 0) {
    return fail(ErrorKind::invalid_input, "the file " + v.sha256 + " of a version is not stored");
  }
  if (auto put = c.run(
          "INSERT INTO document_versions (id, document_id, number, sha256, file_name, format, "
          "uploaded_at, uploaded_by, withdrawn_at, withdrawn_by, withdrawn_reason, text_status) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
          {value(v.id), value(v.document_id), value(v.number), value(v.sha256), value(v.file_name),
           value(v.format), value(v.uploaded_at), value(v.uploaded_by), value(v.withdrawn_at),
           value(v.withdrawn_by), value(v.withdrawn_reason), value(v.text_status)});
      !put) {
    return put;
  }
  return replace_text(c, v.id, pages, thumbnail_png);
}

Result<std::vector<PageText>> read_text(Connection& c, std::int64_t version_id) {
  auto rows = c.exec("SELECT page, text FROM version_pages WHERE version_id = $1 ORDER BY page",
                     {value(version_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<PageText> pages;
  pages.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    pages.push_back({static_cast<int>(rows->integer(r, 0)), rows->take_text(r, 1)});
  }
  return pages;
}

Result<std::string> read_thumbnail(Connection& c, std::int64_t version_id) {
  auto rows =
      c.exec("SELECT png FROM version_thumbnails WHERE version_id = $1", {value(version_id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) {
    return fail(ErrorKind::not_found, "no thumbnail of version " + std::to_string(version_id));
  }
  return rows->take_text(0, 0);
}

Result<std::vector<DocumentVersion>> read_pending_text(Connection& c, int limit) {
  auto rows = c.exec(
      std::string(kVersionColumns) + "WHERE v.text_status = 'pending' ORDER BY v.id LIMIT $1",
      {value(limit)});
  if (!rows) return std::unexpected(rows.error());
  return versions_from(*rows);
}

}  // namespace bdp::sql
