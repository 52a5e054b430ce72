// The links of "Inne bazy danych" and their check results.
#include <string>

#include "store/link_validate.h"
#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kLinkColumns =
    "SELECT id, name, url, description, language, category, position, last_status, last_error, "
    "checked_at FROM links ";

Link link_from(Rows& rows, int r) {
  Link link;
  link.id = rows.integer(r, 0);
  link.name = rows.take_text(r, 1);
  link.url = rows.take_text(r, 2);
  link.description = rows.take_text(r, 3);
  link.language = rows.take_text(r, 4);
  link.category = rows.take_text(r, 5);
  link.position = static_cast<int>(rows.integer(r, 6));
  link.last_status = static_cast<int>(rows.integer(r, 7));
  link.last_error = rows.take_text(r, 8);
  link.checked_at = rows.integer(r, 9);
  return link;
}

// What an update does with the stored check result.
constexpr std::string_view kKeepCheck =
    "last_status = CASE WHEN links.url = excluded.url THEN links.last_status ELSE 0 END, "
    "last_error = CASE WHEN links.url = excluded.url THEN links.last_error ELSE '' END, "
    "checked_at = CASE WHEN links.url = excluded.url THEN links.checked_at ELSE 0 END ";
constexpr std::string_view kGivenCheck =
    "last_status = excluded.last_status, last_error = excluded.last_error, "
    "checked_at = excluded.checked_at ";

}  // namespace

Result<std::vector<Link>> read_links(Connection& c) {
  auto rows = c.exec(std::string(kLinkColumns) +
                     "ORDER BY CASE WHEN category = '' THEN 1 ELSE 0 END, category COLLATE " +
                     std::string(c.dialect().byte_collation) + ", position, id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Link> links;
  links.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) links.push_back(link_from(*rows, r));
  return links;
}

Result<Link> read_link(Connection& c, std::int64_t id) {
  auto rows = c.exec(std::string(kLinkColumns) + "WHERE id = $1", {value(id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no link " + std::to_string(id));
  return link_from(*rows, 0);
}

Result<std::int64_t> write_link(Connection& c, const Link& link, LinkCheckFields check) {
  if (auto status = validate_link(link); !status) return std::unexpected(status.error());
  auto id = c.single_integer(
      "INSERT INTO links (id, name, url, description, language, category, position, "
      "last_status, last_error, checked_at) VALUES (" +
          c.dialect().new_id("links", 1) +
          ", $2, $3, $4, $5, $6, $7, $8, $9, $10) "
          "ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, "
          "description = excluded.description, language = excluded.language, "
          "category = excluded.category, position = excluded.position, " +
          std::string(check == LinkCheckFields::given ? kGivenCheck : kKeepCheck) + "RETURNING id",
      {value(link.id ? std::optional(link.id) : std::nullopt), value(link.name), value(link.url),
       value(link.description), value(link.language), value(link.category), value(link.position),
       value(link.last_status), value(link.last_error), value(link.checked_at)});
  if (!id) return fail(id.error().kind, "saving link '" + link.name + "': " + id.error().message);
  if (link.id != 0) {
    if (auto status = advance_id_sequence(c, "links"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto status = append_change(c, EntityKind::link, *id, false); !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

Status remove_link(Connection& c, std::int64_t id) {
  auto rows = c.exec("DELETE FROM links WHERE id = $1", {value(id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->affected() == 0) return fail(ErrorKind::not_found, "no link " + std::to_string(id));
  return append_change(c, EntityKind::link, id, true);
}

Status write_link_check(Connection& c, const LinkCheck& check) {
  if (check.status < 0 || check.status > 999 || check.at < 0) {
    return fail(ErrorKind::invalid_input,
                "a link check's status is outside 0-999 or its time "
                "is negative");
  }
  auto before = read_link(c, check.link_id);
  if (!before) return std::unexpected(before.error());
  Link after = *before;
  after.last_status = check.status;
  after.last_error = printable_check_error(check.error);
  after.checked_at = check.at;
  auto updated =
      c.run("UPDATE links SET last_status = $2, last_error = $3, checked_at = $4 WHERE id = $1",
            {value(check.link_id), value(after.last_status), value(after.last_error),
             value(after.checked_at)});
  if (!updated) return updated;
  if (link_broken(after) == link_broken(*before)) return {};
  return append_change(c, EntityKind::link, check.link_id, false);
}

}  // namespace bdp::sql
