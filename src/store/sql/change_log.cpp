#include <charconv>
#include <string>

#include "store/sql/clock.h"
#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

// related as stored: "unit:3 section:1 section:4".
std::string encode(const std::vector<EntityRef>& related) {
  std::string text;
  for (const auto& ref : related) {
    if (!text.empty()) text += ' ';
    text += to_string(ref.kind);
    text += ':';
    text += std::to_string(ref.id);
  }
  return text;
}

Result<std::vector<EntityRef>> decode(std::string_view text) {
  std::vector<EntityRef> related;
  while (!text.empty()) {
    auto end = text.find(' ');
    auto item = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    auto colon = item.find(':');
    auto kind = entity_kind_from_string(item.substr(0, colon));
    EntityRef ref;
    if (colon == std::string_view::npos || !kind ||
        std::from_chars(item.data() + colon + 1, item.data() + item.size(), ref.id).ec !=
            std::errc()) {
      return fail(ErrorKind::internal, "bad change-log reference '" + std::string(item) + "'");
    }
    ref.kind = *kind;
    related.push_back(ref);
  }
  return related;
}

}  // namespace

Status append_change(Connection& c, EntityKind kind, std::int64_t id, bool deleted,
                     const std::vector<EntityRef>& related) {
  return c.run(
      "INSERT INTO change_log (kind, entity_id, deleted, at, related) VALUES ($1, $2, $3, $4, $5)",
      {value(to_string(kind)), value(id), value(deleted), value(utc_timestamp_ms()),
       value(encode(related))});
}

Result<std::vector<Change>> read_changes(Connection& c, std::int64_t after_seq, int limit) {
  if (limit < 1) return fail(ErrorKind::invalid_input, "change-log limit must be positive");
  auto rows = c.exec(
      "SELECT seq, kind, entity_id, deleted, related FROM change_log WHERE seq > $1 "
      "ORDER BY seq LIMIT $2",
      {value(after_seq), value(limit)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Change> changes;
  for (int r = 0; r < rows->size(); ++r) {
    auto kind = entity_kind_from_string(rows->text(r, 1));
    if (!kind)
      return fail(ErrorKind::internal, "unknown change-log kind '" + rows->text(r, 1) + "'");
    auto related = decode(rows->text(r, 4));
    if (!related) return std::unexpected(related.error());
    changes.push_back(Change{rows->integer(r, 0), *kind, rows->integer(r, 2), rows->boolean(r, 3),
                             std::move(*related)});
  }
  return changes;
}

Result<std::int64_t> read_last_change_seq(Connection& c) {
  return c.single_integer("SELECT COALESCE(MAX(seq), 0) FROM change_log");
}

Status advance_id_sequence(Connection& c, std::string_view table) {
  auto sql = c.dialect().after_explicit_ids(table);
  if (sql.empty()) return {};
  return c.run(sql);
}

}  // namespace bdp::sql
