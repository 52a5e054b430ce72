#include <map>
#include <string>

#include "store/postgres/tables.h"

namespace bdp::pg {
namespace {

// Column list shared by every practice query; read_row follows its order.
constexpr std::string_view kPracticeColumns =
    "id, slug, title, summary, entered_on, unit_id, implementing_body, postal_code, "
    "post_office, street, website, population, provenance_source, provenance_programme, "
    "provenance_note, source_key, status, updated_at";

Result<Practice> read_row(const PgResult& rows, int r) {
  Practice p;
  p.id = rows.integer(r, 0);
  p.slug = rows.text(r, 1);
  p.title = rows.text(r, 2);
  p.summary = rows.text(r, 3);
  p.entered_on = rows.text(r, 4);
  p.unit_id = rows.integer(r, 5);
  p.implementing_body = rows.text(r, 6);
  p.postal_code = rows.text(r, 7);
  p.post_office = rows.text(r, 8);
  p.street = rows.text(r, 9);
  p.website = rows.text(r, 10);
  p.population = rows.optional_integer(r, 11);
  p.provenance = Provenance{rows.text(r, 12), rows.text(r, 13), rows.text(r, 14)};
  p.source_key = rows.text(r, 15);
  auto status = practice_status_from_string(rows.text(r, 16));
  if (!status)
    return fail(ErrorKind::internal, "practice " + std::to_string(p.id) + ": bad status");
  p.status = *status;
  p.updated_at = rows.text(r, 17);
  return p;
}

// Every child row of the practices $1 (bigint[]) in one query, one round trip: a kind column
// says which table a row is from; rows come ordered by kind, practice and position, so a
// contact is read before its phones.
constexpr const char* kChildrenSql =
    "SELECT 0, practice_id, position, 0, section_id::text, NULL::text, NULL::text "
    "FROM practice_sections WHERE practice_id = ANY($1::bigint[]) "
    "UNION ALL SELECT 1, practice_id, position, 0, name, job_title, email "
    "FROM contacts WHERE practice_id = ANY($1::bigint[]) "
    "UNION ALL SELECT 2, c.practice_id, c.position, ph.position, ph.phone, NULL, NULL "
    "FROM contact_phones ph JOIN contacts c ON c.id = ph.contact_id "
    "WHERE c.practice_id = ANY($1::bigint[]) "
    "UNION ALL SELECT 3, practice_id, position, 0, key, heading, body "
    "FROM presentation_sections WHERE practice_id = ANY($1::bigint[]) "
    "UNION ALL SELECT 4, practice_id, position, 0, title, url, NULL "
    "FROM attachments WHERE practice_id = ANY($1::bigint[]) "
    "ORDER BY 1, 2, 3, 4";

Status attach_child(Practice& p, const PgResult& r, int i) {
  switch (r.integer(i, 0)) {
    case 0:
      p.section_ids.push_back(r.integer(i, 4));
      return {};
    case 1:
      p.contacts.push_back(Contact{r.text(i, 4), r.text(i, 5), {}, r.text(i, 6)});
      return {};
    case 2: {
      auto position = static_cast<std::size_t>(r.integer(i, 2));
      if (position >= p.contacts.size()) {
        return fail(ErrorKind::internal, "phone of a contact that was not read");
      }
      p.contacts[position].phones.push_back(r.text(i, 4));
      return {};
    }
    case 3:
      p.presentation.push_back(PresentationSection{r.text(i, 4), r.text(i, 5), r.text(i, 6)});
      return {};
    default:
      p.attachments.push_back(Attachment{r.text(i, 4), r.text(i, 5)});
      return {};
  }
}

// Loads the children of all `practices`.
Status attach_children(Connection& c, std::vector<Practice>& practices) {
  if (practices.empty()) return {};
  std::map<std::int64_t, Practice*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& p : practices) {
    by_id[p.id] = &p;
    ids.push_back(p.id);
  }
  auto rows = c.exec(kChildrenSql, {id_array(ids)});
  if (!rows) return std::unexpected(rows.error());
  for (int r = 0; r < rows->rows(); ++r) {
    auto found = by_id.find(rows->integer(r, 1));
    if (found == by_id.end()) return fail(ErrorKind::internal, "child row of an unread practice");
    if (auto status = attach_child(*found->second, *rows, r); !status) return status;
  }
  return {};
}

// Practices chosen by `rest` (appended to "SELECT <columns> FROM practices "), with children.
Result<std::vector<Practice>> select_practices(Connection& c, std::string_view prefix,
                                               std::string_view rest,
                                               std::initializer_list<Param> params) {
  std::string sql(prefix);
  sql += "SELECT ";
  sql += kPracticeColumns;
  sql += " FROM practices ";
  sql += rest;
  auto rows = c.exec(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Practice> practices;
  for (int r = 0; r < rows->rows(); ++r) {
    auto practice = read_row(*rows, r);
    if (!practice) return std::unexpected(practice.error());
    practices.push_back(std::move(*practice));
  }
  if (auto children = attach_children(c, practices); !children) {
    return std::unexpected(children.error());
  }
  return practices;
}

Result<Practice> single_practice(Result<std::vector<Practice>> practices, const std::string& what) {
  if (!practices) return std::unexpected(practices.error());
  if (practices->empty()) return fail(ErrorKind::not_found, "no practice " + what);
  return std::move(practices->front());
}

// Published practices in section $1 or its subsections (all sections when $1 is 0).
constexpr std::string_view kInSectionTree =
    "WITH RECURSIVE tree(id) AS (SELECT $1::bigint UNION SELECT s.id FROM sections s "
    "JOIN tree ON s.parent_id = tree.id) ";
constexpr std::string_view kInSectionWhere =
    "WHERE status = 'published' AND ($1 = 0 OR EXISTS (SELECT 1 FROM practice_sections ps "
    "WHERE ps.practice_id = practices.id AND ps.section_id IN (SELECT id FROM tree))) ";

}  // namespace

Result<Practice> read_practice(Connection& c, std::int64_t id) {
  return single_practice(select_practices(c, "", "WHERE id = $1", {param(id)}), std::to_string(id));
}

Result<Practice> read_practice_by_source_key(Connection& c, const std::string& source_key) {
  if (source_key.empty()) return fail(ErrorKind::invalid_input, "source key is empty");
  return single_practice(select_practices(c, "", "WHERE source_key = $1", {param(source_key)}),
                         "with source key '" + source_key + "'");
}

Result<Page<Practice>> read_practices_in_section(Connection& c, std::int64_t section_id,
                                                 PracticeSort sort, PageRequest page) {
  if (page.offset < 0 || page.limit < 1 || page.limit > 1000) {
    return fail(ErrorKind::invalid_input, "page offset must be ≥ 0 and limit 1–1000");
  }
  if (section_id != 0) {
    auto exists =
        c.exec("SELECT EXISTS (SELECT 1 FROM sections WHERE id = $1)", {param(section_id)});
    if (!exists) return std::unexpected(exists.error());
    if (!exists->boolean(0, 0)) {
      return fail(ErrorKind::not_found, "no section " + std::to_string(section_id));
    }
  }
  auto total = c.exec(std::string(kInSectionTree) + "SELECT COUNT(*) FROM practices " +
                          std::string(kInSectionWhere),
                      {param(section_id)});
  if (!total) return std::unexpected(total.error());
  std::string rest(kInSectionWhere);
  rest += sort == PracticeSort::title ? "ORDER BY title COLLATE \"pl-PL-x-icu\", id "
                                      : "ORDER BY entered_on COLLATE \"C\" DESC, id DESC ";
  rest += "LIMIT $2 OFFSET $3";
  auto items = select_practices(c, kInSectionTree, rest,
                                {param(section_id), param(page.limit), param(page.offset)});
  if (!items) return std::unexpected(items.error());
  return Page<Practice>{std::move(*items), total->integer(0, 0)};
}

Result<std::vector<Practice>> read_practices_of_unit(Connection& c, std::int64_t unit_id) {
  return select_practices(c, "",
                          "WHERE unit_id = $1 ORDER BY entered_on COLLATE \"C\" DESC, id DESC",
                          {param(unit_id)});
}

Result<std::vector<Practice>> read_all_practices(Connection& c) {
  return select_practices(c, "", "ORDER BY id", {});
}

}  // namespace bdp::pg
