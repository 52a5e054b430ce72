#include <map>
#include <string>
#include <type_traits>

#include "store/sqlite/tables.h"

namespace bdp::sqlite {
namespace {

// Column list shared by every practice query; read_row follows its order.
constexpr std::string_view kPracticeColumns =
    "id, slug, title, summary, entered_on, unit_id, implementing_body, postal_code, "
    "post_office, street, website, population, provenance_source, provenance_programme, "
    "provenance_note, source_key, status, updated_at";

Result<Practice> read_row(Statement& r) {
  Practice p;
  p.id = r.integer(0);
  p.slug = r.text(1);
  p.title = r.text(2);
  p.summary = r.text(3);
  p.entered_on = r.text(4);
  p.unit_id = r.integer(5);
  p.implementing_body = r.text(6);
  p.postal_code = r.text(7);
  p.post_office = r.text(8);
  p.street = r.text(9);
  p.website = r.text(10);
  p.population = r.optional_integer(11);
  p.provenance = Provenance{r.text(12), r.text(13), r.text(14)};
  p.source_key = r.text(15);
  auto status = practice_status_from_string(r.text(16));
  if (!status)
    return fail(ErrorKind::internal, "practice " + std::to_string(p.id) + ": bad status");
  p.status = *status;
  p.updated_at = r.text(17);
  return p;
}

// Runs `sql` with ids bound as ?1 and hands each row to on_row with the practice it belongs to
// (column 0 is the practice id). on_row returns void or a Status.
template <class OnRow>
Status each_child(Connection& c, std::string_view sql, const std::vector<std::int64_t>& ids,
                  std::map<std::int64_t, Practice*>& by_id, OnRow on_row) {
  auto rows = c.prepare(sql);
  if (!rows) return std::unexpected(rows.error());
  rows->bind_ids(1, ids);
  return rows->each_row([&](Statement& r) -> Status {
    auto found = by_id.find(r.integer(0));
    if (found == by_id.end()) return fail(ErrorKind::internal, "child row of an unread practice");
    if constexpr (std::is_void_v<decltype(on_row(*found->second, r))>) {
      on_row(*found->second, r);
      return {};
    } else {
      return on_row(*found->second, r);
    }
  });
}

// Loads the children of all `practices` with one query per child table.
Status attach_children(Connection& c, std::vector<Practice>& practices) {
  if (practices.empty()) return {};
  std::map<std::int64_t, Practice*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& p : practices) {
    by_id[p.id] = &p;
    ids.push_back(p.id);
  }
  auto status = each_child(
      c,
      "SELECT practice_id, section_id FROM practice_sections "
      "WHERE practice_id IN (SELECT value FROM json_each(?1)) ORDER BY practice_id, position",
      ids, by_id, [](Practice& p, Statement& r) { p.section_ids.push_back(r.integer(1)); });
  if (!status) return status;
  status = each_child(
      c,
      "SELECT practice_id, name, job_title, email FROM contacts "
      "WHERE practice_id IN (SELECT value FROM json_each(?1)) ORDER BY practice_id, position",
      ids, by_id, [](Practice& p, Statement& r) {
        p.contacts.push_back(Contact{r.text(1), r.text(2), {}, r.text(3)});
      });
  if (!status) return status;
  status = each_child(c,
                      "SELECT c.practice_id, c.position, ph.phone FROM contact_phones ph "
                      "JOIN contacts c ON c.id = ph.contact_id "
                      "WHERE c.practice_id IN (SELECT value FROM json_each(?1)) "
                      "ORDER BY c.practice_id, c.position, ph.position",
                      ids, by_id, [](Practice& p, Statement& r) -> Status {
                        auto position = static_cast<std::size_t>(r.integer(1));
                        if (position >= p.contacts.size()) {
                          return fail(ErrorKind::internal, "phone of a contact that was not read");
                        }
                        p.contacts[position].phones.push_back(r.text(2));
                        return {};
                      });
  if (!status) return status;
  status = each_child(
      c,
      "SELECT practice_id, key, heading, body FROM presentation_sections "
      "WHERE practice_id IN (SELECT value FROM json_each(?1)) ORDER BY practice_id, position",
      ids, by_id, [](Practice& p, Statement& r) {
        p.presentation.push_back(PresentationSection{r.text(1), r.text(2), r.text(3)});
      });
  if (!status) return status;
  return each_child(
      c,
      "SELECT practice_id, title, url FROM attachments "
      "WHERE practice_id IN (SELECT value FROM json_each(?1)) ORDER BY practice_id, position",
      ids, by_id, [](Practice& p, Statement& r) {
        p.attachments.push_back(Attachment{r.text(1), r.text(2)});
      });
}

// Practices chosen by `rest` (appended to "SELECT <columns> FROM practices "), with children.
template <class... Args>
Result<std::vector<Practice>> select_practices(Connection& c, std::string_view rest,
                                               const Args&... args) {
  std::string sql = "SELECT ";
  sql += kPracticeColumns;
  sql += " FROM practices ";
  sql += rest;
  auto rows = c.query(sql, args...);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Practice> practices;
  auto status = rows->each_row([&](Statement& r) -> Status {
    auto practice = read_row(r);
    if (!practice) return std::unexpected(practice.error());
    practices.push_back(std::move(*practice));
    return {};
  });
  if (!status) return std::unexpected(status.error());
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

// Published practices; with a section, only those in the sections of the JSON array ?1.
constexpr std::string_view kPublished = "WHERE status = 'published' ";
constexpr std::string_view kPublishedInSections =
    "WHERE status = 'published' AND id IN (SELECT practice_id FROM practice_sections "
    "WHERE section_id IN (SELECT value FROM json_each(?1))) ";

// The section and all its subsections; not_found when the section does not exist. Computed
// apart so that the page and count queries probe a fixed set instead of re-walking the tree.
Result<std::vector<std::int64_t>> section_subtree(Connection& c, std::int64_t section_id) {
  auto rows = c.query(
      "WITH RECURSIVE tree(id) AS (SELECT id FROM sections WHERE id = ?1 "
      "UNION SELECT s.id FROM sections s JOIN tree ON s.parent_id = tree.id) SELECT id FROM tree",
      section_id);
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::int64_t> ids;
  auto status = rows->each_row([&](Statement& r) { ids.push_back(r.integer(0)); });
  if (!status) return std::unexpected(status.error());
  if (ids.empty()) return fail(ErrorKind::not_found, "no section " + std::to_string(section_id));
  return ids;
}

}  // namespace

Result<Practice> read_practice(Connection& c, std::int64_t id) {
  return single_practice(select_practices(c, "WHERE id = ?1", id), std::to_string(id));
}

Result<Practice> read_practice_by_source_key(Connection& c, const std::string& source_key) {
  if (source_key.empty()) return fail(ErrorKind::invalid_input, "source key is empty");
  // The redundant "<> ''" lets SQLite use the partial unique index on source_key.
  return single_practice(select_practices(c, "WHERE source_key = ?1 AND source_key <> ''", source_key),
                         "with source key '" + source_key + "'");
}

Result<Page<Practice>> read_practices_in_section(Connection& c, std::int64_t section_id,
                                                 PracticeSort sort, PageRequest page) {
  if (page.offset < 0 || page.limit < 1 || page.limit > 1000) {
    return fail(ErrorKind::invalid_input, "page offset must be ≥ 0 and limit 1–1000");
  }
  std::vector<std::int64_t> sections;
  if (section_id != 0) {
    auto subtree = section_subtree(c, section_id);
    if (!subtree) return std::unexpected(subtree.error());
    sections = std::move(*subtree);
  }
  std::string where(section_id != 0 ? kPublishedInSections : kPublished);
  auto total = c.prepare("SELECT COUNT(*) FROM practices " + where);
  if (!total) return std::unexpected(total.error());
  if (section_id != 0) total->bind_ids(1, sections);
  auto count = total->single_integer();
  if (!count) return std::unexpected(count.error());
  std::string rest = where;
  rest += sort == PracticeSort::title ? "ORDER BY title COLLATE pl, id "
                                      : "ORDER BY entered_on DESC, id DESC ";
  rest += "LIMIT ?2 OFFSET ?3";
  // ?1 is bound in both cases; SQLite accepts a parameter the text does not use.
  auto items = select_practices(c, rest, json_array(sections), page.limit, page.offset);
  if (!items) return std::unexpected(items.error());
  return Page<Practice>{std::move(*items), *count};
}

Result<std::vector<Practice>> read_practices_of_unit(Connection& c, std::int64_t unit_id) {
  return select_practices(c, "WHERE unit_id = ?1 ORDER BY entered_on DESC, id DESC", unit_id);
}

Result<std::vector<Practice>> read_all_practices(Connection& c) {
  return select_practices(c, "ORDER BY id");
}

}  // namespace bdp::sqlite
