// Documents and what they belong to. A read takes the documents of one WHERE clause, then their
// tags, units, practices and versions by id list (a few queries whatever their number).
#include <algorithm>
#include <map>
#include <string>

#include "store/sql/document_tables.h"
#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kDocumentColumns =
    "SELECT id, title, description, year, kind, language, created_at, updated_at FROM documents ";

// Errors (invalid_input): the checks store/document_store.h lists for save_document.
Status validate_document(const Document& d) {
  if (d.title.empty()) return fail(ErrorKind::invalid_input, "a document needs a title");
  if (d.title.size() > 500) return fail(ErrorKind::invalid_input, "a title over 500 bytes");
  if (d.year && (*d.year < 1900 || *d.year > 2100)) {
    return fail(ErrorKind::invalid_input, "a year outside 1900..2100");
  }
  if (d.language.size() < 2 || d.language.size() > 3 ||
      !std::all_of(d.language.begin(), d.language.end(),
                   [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
    return fail(ErrorKind::invalid_input, "a language that is not an ISO 639 code");
  }
  for (const auto& tag : d.tags) {
    if (tag.empty() || tag.size() > 60) {
      return fail(ErrorKind::invalid_input, "a tag empty or over 60 bytes");
    }
  }
  return {};
}

// invalid_input unless every id of `ids` is in `table` (a constant of the store).
Status all_exist(Connection& c, std::string_view table, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  auto found = c.single_integer(
      "SELECT COUNT(*) FROM " + std::string(table) + " WHERE " + c.dialect().in_ids("id", 1),
      {value(IdList{ids})});
  if (!found) return std::unexpected(found.error());
  std::vector<std::int64_t> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (*found != static_cast<std::int64_t>(distinct.size())) {
    return fail(ErrorKind::invalid_input,
                "a document names a " + std::string(table) + " row that does not exist");
  }
  return {};
}

Status write_links(Connection& c, std::int64_t id, const Document& d) {
  for (auto table : {"document_tags", "document_units", "document_practices"}) {
    if (auto cleared =
            c.run("DELETE FROM " + std::string(table) + " WHERE document_id = $1", {value(id)});
        !cleared) {
      return cleared;
    }
  }
  std::vector<std::string> tags;
  for (const auto& tag : d.tags) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (auto put =
            c.run("INSERT INTO document_tags (document_id, position, tag) VALUES ($1, $2, $3)",
                  {value(id), value(i), value(tags[i])});
        !put) {
      return put;
    }
  }
  if (auto units = all_exist(c, "units", d.unit_ids); !units) return units;
  if (auto practices = all_exist(c, "practices", d.practice_ids); !practices) return practices;
  auto link = [&](std::string_view sql, std::vector<std::int64_t> ids) -> Status {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (auto other : ids) {
      if (auto put = c.run(sql, {value(id), value(other)}); !put) return put;
    }
    return {};
  };
  if (auto units =
          link("INSERT INTO document_units (document_id, unit_id) VALUES ($1, $2)", d.unit_ids);
      !units) {
    return units;
  }
  return link("INSERT INTO document_practices (document_id, practice_id) VALUES ($1, $2)",
              d.practice_ids);
}

Status append_change_with(Connection& c, std::int64_t id, std::vector<std::int64_t> practices) {
  auto now =
      c.integers("SELECT practice_id FROM document_practices WHERE document_id = $1", {value(id)});
  if (!now) return std::unexpected(now.error());
  practices.insert(practices.end(), now->begin(), now->end());
  std::sort(practices.begin(), practices.end());
  practices.erase(std::unique(practices.begin(), practices.end()), practices.end());
  std::vector<EntityRef> related;
  related.reserve(practices.size());
  for (auto p : practices) related.push_back({EntityKind::practice, p});
  return append_change(c, EntityKind::document, id, false, related);
}

Result<std::vector<Document>> read_where(Connection& c, std::string_view where,
                                         std::initializer_list<Value> params) {
  auto rows = c.exec(
      std::string(kDocumentColumns) + std::string(where) + " ORDER BY created_at DESC, id DESC",
      params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Document> docs;
  std::map<std::int64_t, std::size_t> at;
  IdList ids;
  for (int r = 0; r < rows->size(); ++r) {
    Document d;
    d.id = rows->integer(r, 0);
    d.title = rows->take_text(r, 1);
    d.description = rows->take_text(r, 2);
    if (auto year = rows->optional_integer(r, 3)) d.year = static_cast<int>(*year);
    d.kind = document_kind_from_string(rows->text(r, 4)).value_or(DocumentKind::inny);
    d.language = rows->take_text(r, 5);
    d.created_at = rows->integer(r, 6);
    d.updated_at = rows->integer(r, 7);
    at[d.id] = docs.size();
    ids.ids.push_back(d.id);
    docs.push_back(std::move(d));
  }
  if (docs.empty()) return docs;
  const Dialect& dialect = c.dialect();
  auto children = c.exec(
      "SELECT 0, document_id, position, tag FROM document_tags WHERE " +
          dialect.in_ids("document_id", 1) +
          " UNION ALL SELECT 1, document_id, unit_id, '' FROM document_units WHERE " +
          dialect.in_ids("document_id", 1) +
          " UNION ALL SELECT 2, document_id, practice_id, '' FROM document_practices WHERE " +
          dialect.in_ids("document_id", 1) + " ORDER BY 1, 2, 3",
      {value(ids)});
  if (!children) return std::unexpected(children.error());
  for (int r = 0; r < children->size(); ++r) {
    Document& d = docs[at[children->integer(r, 1)]];
    switch (children->integer(r, 0)) {
      case 0:
        d.tags.push_back(children->take_text(r, 3));
        break;
      case 1:
        d.unit_ids.push_back(children->integer(r, 2));
        break;
      default:
        d.practice_ids.push_back(children->integer(r, 2));
    }
  }
  auto versions = read_versions_of(c, ids.ids);
  if (!versions) return std::unexpected(versions.error());
  for (auto& v : *versions) docs[at[v.document_id]].versions.push_back(std::move(v));
  return docs;
}

}  // namespace

Result<std::int64_t> write_document(Connection& c, const Document& d, const AuditEntry& audit) {
  if (auto valid = validate_document(d); !valid) return std::unexpected(valid.error());
  std::int64_t id = d.id;
  std::vector<std::int64_t> before;
  if (id == 0) {
    auto inserted = c.single_integer(
        "INSERT INTO documents (title, description, year, kind, language, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        {value(d.title), value(d.description), value(d.year), value(to_string(d.kind)),
         value(d.language), value(audit.at)});
    if (!inserted) return std::unexpected(inserted.error());
    id = *inserted;
  } else {
    auto old = c.integers("SELECT practice_id FROM document_practices WHERE document_id = $1",
                          {value(id)});
    if (!old) return std::unexpected(old.error());
    before = std::move(*old);
    auto updated = c.exec(
        "UPDATE documents SET title = $1, description = $2, year = $3, kind = $4, language = $5, "
        "updated_at = $6 WHERE id = $7",
        {value(d.title), value(d.description), value(d.year), value(to_string(d.kind)),
         value(d.language), value(audit.at), value(id)});
    if (!updated) return std::unexpected(updated.error());
    if (updated->affected() == 0) {
      return fail(ErrorKind::not_found, "no document " + std::to_string(id));
    }
  }
  if (auto linked = write_links(c, id, d); !linked) return std::unexpected(linked.error());
  if (auto logged = append_change_with(c, id, std::move(before)); !logged) {
    return std::unexpected(logged.error());
  }
  AuditEntry entry = audit;
  entry.entity = "document:" + std::to_string(id);
  if (auto audited = write_audit(c, entry); !audited) return std::unexpected(audited.error());
  return id;
}

Status write_document_copy(Connection& c, const DocumentCopy& copy) {
  const Document& d = copy.document;
  if (auto valid = validate_document(d); !valid) return valid;
  if (copy.pages.size() != d.versions.size() || copy.thumbnails_png.size() != d.versions.size()) {
    return fail(ErrorKind::invalid_input,
                "a document copy needs pages and a thumbnail per version");
  }
  IdList version_ids;
  for (const auto& v : d.versions) version_ids.ids.push_back(v.id);
  auto taken = c.exec(
      "SELECT (SELECT COUNT(*) FROM documents WHERE id = $1), "
      "(SELECT COUNT(*) FROM document_versions WHERE " +
          c.dialect().in_ids("id", 2) + ")",
      {value(d.id), value(version_ids)});
  if (!taken) return std::unexpected(taken.error());
  if (taken->integer(0, 0) != 0 || taken->integer(0, 1) != 0) {
    return fail(ErrorKind::conflict,
                "document " + std::to_string(d.id) + " or one of its versions exists already");
  }
  if (auto put = c.run(
          "INSERT INTO documents (id, title, description, year, kind, language, created_at, "
          "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {value(d.id), value(d.title), value(d.description), value(d.year),
           value(to_string(d.kind)), value(d.language), value(d.created_at), value(d.updated_at)});
      !put) {
    return put;
  }
  if (auto linked = write_links(c, d.id, d); !linked) return linked;
  for (std::size_t i = 0; i < d.versions.size(); ++i) {
    DocumentVersion v = d.versions[i];
    v.document_id = d.id;
    if (auto put = write_version_copy(c, v, copy.pages[i], copy.thumbnails_png[i]); !put) {
      return put;
    }
  }
  for (auto table : {"documents", "document_versions"}) {
    if (auto advanced = advance_id_sequence(c, table); !advanced) return advanced;
  }
  return append_change_with(c, d.id, {});
}

Status append_document_change(Connection& c, std::int64_t id) {
  return append_change_with(c, id, {});
}

Result<Document> read_document(Connection& c, std::int64_t id) {
  auto docs = read_where(c, "WHERE id = $1", {value(id)});
  if (!docs) return std::unexpected(docs.error());
  if (docs->empty()) return fail(ErrorKind::not_found, "no document " + std::to_string(id));
  return std::move(docs->front());
}

Result<std::vector<Document>> read_documents(Connection& c) {
  return read_where(c, "", {});
}

Result<std::vector<Document>> read_documents_of_practice(Connection& c, std::int64_t practice_id) {
  return read_where(
      c, "WHERE id IN (SELECT document_id FROM document_practices WHERE practice_id = $1)",
      {value(practice_id)});
}

}  // namespace bdp::sql
