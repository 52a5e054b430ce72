#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <string>

#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

// Column list shared by every practice query; read_row follows its order.
constexpr std::string_view kPracticeColumns =
    "id, slug, title, summary, entered_on, unit_id, implementing_body, postal_code, "
    "post_office, street, website, population, provenance_source, provenance_programme, "
    "provenance_note, source_key, status, updated_at";

Result<Practice> read_row(Rows& rows, int r) {
  Practice p;
  p.id = rows.integer(r, 0);
  p.slug = rows.text(r, 1);
  p.title = rows.text(r, 2);
  p.summary = rows.take_text(r, 3);
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
  if (!status) {
    return fail(ErrorKind::internal, "practice " + std::to_string(p.id) + ": bad status");
  }
  p.status = *status;
  p.updated_at = rows.text(r, 17);
  return p;
}

// Every child row of the practices in the IdList $1, in one query (one round trip on
// PostgreSQL): a kind column says which table a row is from. Rows are put in order (kind,
// practice, position) here rather than by ORDER BY, which costs SQLite a sort of the whole union
// in a temporary b-tree (bench_store_engines).
std::string children_sql(const Dialect& d) {
  const std::string of_practices = " WHERE " + d.in_ids("practice_id", 1);
  return "SELECT 0, practice_id, position, 0, CAST(section_id AS TEXT), CAST(NULL AS TEXT), "
         "CAST(NULL AS TEXT) FROM practice_sections" +
         of_practices +
         " UNION ALL SELECT 1, practice_id, position, 0, name, job_title, email FROM contacts" +
         of_practices +
         " UNION ALL SELECT 2, c.practice_id, c.position, ph.position, ph.phone, NULL, NULL "
         "FROM contact_phones ph JOIN contacts c ON c.id = ph.contact_id WHERE " +
         d.in_ids("c.practice_id", 1) +
         " UNION ALL SELECT 3, practice_id, position, 0, key, heading, body "
         "FROM presentation_sections" +
         of_practices +
         " UNION ALL SELECT 4, practice_id, position, 0, title, url, NULL FROM attachments" +
         of_practices;
}

Status attach_child(Practice& p, Rows& r, int i) {
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
      p.presentation.push_back(
          PresentationSection{r.take_text(i, 4), r.take_text(i, 5), r.take_text(i, 6)});
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
  IdList ids;
  for (auto& p : practices) {
    by_id[p.id] = &p;
    ids.ids.push_back(p.id);
  }
  auto rows = c.exec(children_sql(c.dialect()), {value(ids)});
  if (!rows) return std::unexpected(rows.error());
  // Ordered by kind, practice and positions, so a contact is read before its phones.
  std::vector<std::array<std::int64_t, 5>> order(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    order[r] = {rows->integer(r, 0), rows->integer(r, 1), rows->integer(r, 2), rows->integer(r, 3),
                r};
  }
  std::sort(order.begin(), order.end());
  for (const auto& key : order) {
    const int r = static_cast<int>(key[4]);
    auto found = by_id.find(rows->integer(r, 1));
    if (found == by_id.end()) return fail(ErrorKind::internal, "child row of an unread practice");
    if (auto status = attach_child(*found->second, *rows, r); !status) return status;
  }
  return {};
}

// Practices chosen by `rest` (appended to "SELECT <columns> FROM practices "), with children.
Result<std::vector<Practice>> select_practices(Connection& c, std::string_view rest,
                                               std::span<const Value> params) {
  std::string sql = "SELECT ";
  sql += kPracticeColumns;
  sql += " FROM practices ";
  sql += rest;
  auto rows = c.exec(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Practice> practices;
  practices.reserve(rows->size());
  for (int r = 0; r < rows->size(); ++r) {
    auto practice = read_row(*rows, r);
    if (!practice) return std::unexpected(practice.error());
    practices.push_back(std::move(*practice));
  }
  if (auto children = attach_children(c, practices); !children) {
    return std::unexpected(children.error());
  }
  return practices;
}

Result<std::vector<Practice>> select_practices(Connection& c, std::string_view rest,
                                               std::initializer_list<Value> params) {
  return select_practices(c, rest, std::span<const Value>(params.begin(), params.size()));
}

Result<Practice> single_practice(Result<std::vector<Practice>> practices, const std::string& what) {
  if (!practices) return std::unexpected(practices.error());
  if (practices->empty()) return fail(ErrorKind::not_found, "no practice " + what);
  return std::move(practices->front());
}

}  // namespace

Status practice_exists(Connection& c, std::int64_t id) {
  auto found = c.exec("SELECT 1 FROM practices WHERE id = $1", {value(id)});
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return fail(ErrorKind::invalid_input, fmt::format("no practice {}", id));
  return {};
}

Result<Practice> read_practice(Connection& c, std::int64_t id) {
  return single_practice(select_practices(c, "WHERE id = $1", {value(id)}), std::to_string(id));
}

Result<Practice> read_practice_by_source_key(Connection& c, const std::string& source_key) {
  if (source_key.empty()) return fail(ErrorKind::invalid_input, "source key is empty");
  // The redundant "<> ''" lets SQLite use the partial unique index on source_key.
  return single_practice(
      select_practices(c, "WHERE source_key = $1 AND source_key <> ''", {value(source_key)}),
      "with source key '" + source_key + "'");
}

Result<Page<Practice>> read_practices_in_section(Connection& c, std::int64_t section_id,
                                                 PracticeSort sort, PageRequest page) {
  if (page.offset < 0 || page.limit < 1 || page.limit > 1000) {
    return fail(ErrorKind::invalid_input, "page offset must be ≥ 0 and limit 1–1000");
  }
  // The subtree is computed apart so that the page and count queries probe a fixed set instead
  // of re-walking the tree. With a section, $1 is its subtree and the page is $2, $3.
  const auto& d = c.dialect();
  std::string where = "WHERE status = 'published' ";
  std::string order =
      sort == PracticeSort::title
          ? "ORDER BY title COLLATE " + std::string(d.polish_collation) + ", id "
          : "ORDER BY entered_on COLLATE " + std::string(d.byte_collation) + " DESC, id DESC ";
  Result<std::int64_t> count;
  Result<std::vector<Practice>> items;
  if (section_id == 0) {
    count = c.single_integer("SELECT COUNT(*) FROM practices " + where);
    items = select_practices(c, where + order + "LIMIT $1 OFFSET $2",
                             {value(page.limit), value(page.offset)});
  } else {
    auto subtree = read_section_subtree(c, section_id);
    if (!subtree) return std::unexpected(subtree.error());
    const IdList sections{std::move(*subtree)};
    where += "AND id IN (SELECT practice_id FROM practice_sections WHERE " +
             d.in_ids("section_id", 1) + ") ";
    count = c.single_integer("SELECT COUNT(*) FROM practices " + where, {value(sections)});
    items = select_practices(c, where + order + "LIMIT $2 OFFSET $3",
                             {value(sections), value(page.limit), value(page.offset)});
  }
  if (!count) return std::unexpected(count.error());
  if (!items) return std::unexpected(items.error());
  return Page<Practice>{std::move(*items), *count};
}

Result<std::vector<Practice>> read_practices_of_unit(Connection& c, std::int64_t unit_id) {
  return select_practices(c,
                          "WHERE unit_id = $1 ORDER BY entered_on COLLATE " +
                              std::string(c.dialect().byte_collation) + " DESC, id DESC",
                          {value(unit_id)});
}

Result<std::vector<Practice>> read_all_practices(Connection& c) {
  return select_practices(c, "ORDER BY id", {});
}

Result<std::vector<Practice>> read_published_practices(Connection& c, const PublishedQuery& query) {
  if (query.limit < 1 || query.limit > 1000) {
    return fail(ErrorKind::invalid_input, "limit must be 1–1000");
  }
  // Only the conditions that are set go into the statement, so each shape keeps a plan that
  // walks the primary key from the cursor.
  const auto& d = c.dialect();
  std::vector<Value> params = {value(query.after_id)};
  std::string where = "WHERE status = 'published' AND id > $1 ";
  const auto next = [&params] { return "$" + std::to_string(params.size() + 1); };
  if (!query.modified_since.empty()) {
    where += "AND updated_at COLLATE " + std::string(d.byte_collation) + " >= " + next() + " ";
    params.push_back(value(query.modified_since));
  }
  if (query.section_id != 0) {
    auto subtree = read_section_subtree(c, query.section_id);
    if (!subtree) return std::unexpected(subtree.error());
    where += "AND id IN (SELECT practice_id FROM practice_sections WHERE " +
             d.in_ids("section_id", static_cast<int>(params.size() + 1)) + ") ";
    params.push_back(value(IdList{std::move(*subtree)}));
  }
  if (!query.voivodeship.empty()) {
    where += "AND unit_id IN (SELECT id FROM units WHERE voivodeship = " + next() + ") ";
    params.push_back(value(query.voivodeship));
  }
  if (!query.unit_type.empty()) {
    where += "AND unit_id IN (SELECT id FROM units WHERE type = " + next() + ") ";
    params.push_back(value(query.unit_type));
  }
  where += "ORDER BY id LIMIT " + next();
  params.push_back(value(query.limit));
  return select_practices(c, where, params);
}

}  // namespace bdp::sql
