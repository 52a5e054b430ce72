#include <algorithm>
#include <string>

#include "store/operational_state.h"
#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

Status read_visitor_state(Connection& c, OperationalState& state) {
  auto counter = c.exec(
      "SELECT COALESCE((SELECT CAST(value AS BIGINT) FROM settings WHERE key = 'visitor_base'), "
      "0), visits FROM visitor_counter WHERE id = 1");
  if (!counter) return std::unexpected(counter.error());
  if (counter->empty()) return fail(ErrorKind::internal, "the visitor counter row is missing");
  state.visitor_base = counter->integer(0, 0);
  state.visitor_days_counted = counter->integer(0, 1);
  const std::string bytes(c.dialect().byte_collation);
  auto days = c.exec("SELECT day, hash FROM visitor_days ORDER BY day COLLATE " + bytes +
                     ", hash COLLATE " + bytes);
  if (!days) return std::unexpected(days.error());
  for (int i = 0; i < days->size(); ++i) {
    state.recent_visitors.push_back({days->text(i, 0), days->text(i, 1)});
  }
  auto salts = c.exec("SELECT day, salt FROM daily_salts ORDER BY day COLLATE " + bytes);
  if (!salts) return std::unexpected(salts.error());
  for (int i = 0; i < salts->size(); ++i) {
    state.daily_salts.push_back({salts->text(i, 0), salts->text(i, 1)});
  }
  return {};
}

Status write_visitor_state(Connection& c, const OperationalState& state) {
  if (auto base = write_visitor_base(c, state.visitor_base); !base) return base;
  auto counted = c.run("UPDATE visitor_counter SET visits = $1 WHERE id = 1",
                       {value(state.visitor_days_counted)});
  if (!counted) return counted;
  if (auto cleared = c.run("DELETE FROM visitor_days"); !cleared) return cleared;
  std::vector<Value> visitors, salts;
  for (const auto& visitor : state.recent_visitors) {
    visitors.insert(visitors.end(), {value(visitor.day), value(visitor.hash)});
  }
  if (auto added = insert_rows(c, "visitor_days", "day, hash", 2, visitors); !added) {
    return std::unexpected(added.error());
  }
  if (auto cleared = c.run("DELETE FROM daily_salts"); !cleared) return cleared;
  for (const auto& salt : state.daily_salts) {
    salts.insert(salts.end(), {value(salt.day), value(Blob{salt.salt})});
  }
  if (auto added = insert_rows(c, "daily_salts", "day, salt", 2, salts); !added) {
    return std::unexpected(added.error());
  }
  return {};
}

Status write_editors(Connection& c, const std::vector<Editor>& editors) {
  if (auto cleared = c.run("DELETE FROM sessions"); !cleared) return cleared;
  if (auto cleared = c.run("DELETE FROM editors"); !cleared) return cleared;
  std::vector<Value> rows;
  for (const auto& editor : editors) {
    auto email = normalize_email(editor.email);
    if (!email) return std::unexpected(email.error());
    rows.insert(rows.end(), {value(editor.id), value(*email), value(editor.display_name),
                             value(editor.password_hash), value(editor.created_at),
                             value(editor.disabled), value(std::string(to_string(editor.role)))});
  }
  auto added = insert_rows(
      c, "editors", "id, email, display_name, password_hash, created_at, disabled, role", 7, rows);
  if (!added) return std::unexpected(added.error());
  return advance_id_sequence(c, "editors");
}

Status read_retired_slugs(Connection& c, OperationalState& state) {
  const std::string bytes(c.dialect().byte_collation);
  auto rows = c.exec("SELECT kind, slug, target_id FROM retired_slugs ORDER BY kind COLLATE " +
                     bytes + ", slug COLLATE " + bytes);
  if (!rows) return std::unexpected(rows.error());
  for (int i = 0; i < rows->size(); ++i) {
    const auto kind = entity_kind_from_string(rows->text(i, 0));
    if (!kind) return fail(ErrorKind::internal, "a retired slug of kind " + rows->text(i, 0));
    state.retired_slugs.push_back({*kind, rows->text(i, 1), rows->integer(i, 2)});
  }
  return {};
}

Status write_retired_slugs(Connection& c, const std::vector<RetiredSlug>& slugs) {
  if (auto cleared = c.run("DELETE FROM retired_slugs"); !cleared) return cleared;
  std::vector<Value> rows;
  for (const auto& retired : slugs) {
    rows.insert(rows.end(), {value(std::string(to_string(retired.kind))), value(retired.slug),
                             value(retired.target_id)});
  }
  auto added = insert_rows(c, "retired_slugs", "kind, slug, target_id", 3, rows);
  if (!added) return std::unexpected(added.error());
  return {};
}

}  // namespace

Result<OperationalState> read_operational_state(Connection& c) {
  OperationalState state;
  if (auto visitors = read_visitor_state(c, state); !visitors) {
    return std::unexpected(visitors.error());
  }
  auto editors = read_editors(c);
  if (!editors) return std::unexpected(editors.error());
  state.editors = std::move(*editors);
  std::ranges::sort(state.editors, {}, &Editor::id);
  if (auto slugs = read_retired_slugs(c, state); !slugs) return std::unexpected(slugs.error());
  auto settings = read_settings(c);
  if (!settings) return std::unexpected(settings.error());
  state.settings = std::move(*settings);
  return state;
}

Status write_operational_state(Connection& c, const OperationalState& state) {
  if (auto valid = validate_operational_state(state); !valid) return valid;
  if (auto visitors = write_visitor_state(c, state); !visitors) return visitors;
  if (auto slugs = write_retired_slugs(c, state.retired_slugs); !slugs) return slugs;
  if (auto settings = write_settings(c, state.settings); !settings) return settings;
  return write_editors(c, state.editors);
}

}  // namespace bdp::sql
