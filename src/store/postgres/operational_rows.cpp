#include <algorithm>
#include <string>
#include <vector>

#include "store/operational_state.h"
#include "store/postgres/bytea.h"
#include "store/postgres/tables.h"
#include "store/validate.h"

namespace bdp::pg {
namespace {

Status read_visitor_state(Connection& c, OperationalState& state) {
  auto counter = c.exec(
      "SELECT COALESCE((SELECT value::bigint FROM settings WHERE key = 'visitor_base'), 0), "
      "visits FROM visitor_counter WHERE id = 1");
  if (!counter) return std::unexpected(counter.error());
  state.visitor_base = counter->integer(0, 0);
  state.visitor_days_counted = counter->integer(0, 1);
  // COLLATE "C": byte order, the order SQLite gives, whatever the database's locale.
  auto days = c.exec(
      "SELECT day, hash FROM visitor_days ORDER BY day COLLATE \"C\", hash "
      "COLLATE \"C\"");
  if (!days) return std::unexpected(days.error());
  for (int i = 0; i < days->rows(); ++i) {
    state.recent_visitors.push_back({days->text(i, 0), days->text(i, 1)});
  }
  auto salts =
      c.exec("SELECT day, encode(salt, 'hex') FROM daily_salts ORDER BY day COLLATE \"C\"");
  if (!salts) return std::unexpected(salts.error());
  for (int i = 0; i < salts->rows(); ++i) {
    auto salt = bytes_from_hex(salts->text(i, 1));
    if (!salt) return std::unexpected(salt.error());
    state.daily_salts.push_back({salts->text(i, 0), std::move(*salt)});
  }
  return {};
}

Status write_visitor_state(Connection& c, const OperationalState& state) {
  if (auto base = write_visitor_base(c, state.visitor_base); !base) return base;
  auto counted = c.exec("UPDATE visitor_counter SET visits = $1 WHERE id = 1",
                        {param(state.visitor_days_counted)});
  if (!counted) return std::unexpected(counted.error());
  std::vector<std::string> days, hashes;
  for (const auto& visitor : state.recent_visitors) {
    days.push_back(visitor.day);
    hashes.push_back(visitor.hash);
  }
  if (auto cleared = c.exec("DELETE FROM visitor_days"); !cleared) {
    return std::unexpected(cleared.error());
  }
  auto visitors = c.exec(
      "INSERT INTO visitor_days (day, hash) SELECT * FROM unnest($1::text[], "
      "$2::text[])",
      {text_array(days), text_array(hashes)});
  if (!visitors) return std::unexpected(visitors.error());
  std::vector<std::string> salt_days, salts;
  for (const auto& salt : state.daily_salts) {
    salt_days.push_back(salt.day);
    salts.push_back(bytes_to_hex(salt.salt));
  }
  if (auto cleared = c.exec("DELETE FROM daily_salts"); !cleared) {
    return std::unexpected(cleared.error());
  }
  auto inserted = c.exec(
      "INSERT INTO daily_salts (day, salt) SELECT d, decode(s, 'hex') FROM "
      "unnest($1::text[], $2::text[]) AS t(d, s)",
      {text_array(salt_days), text_array(salts)});
  if (!inserted) return std::unexpected(inserted.error());
  return {};
}

Status write_editors(Connection& c, const std::vector<Editor>& editors) {
  if (auto cleared = c.exec("DELETE FROM sessions"); !cleared) {
    return std::unexpected(cleared.error());
  }
  if (auto cleared = c.exec("DELETE FROM editors"); !cleared) {
    return std::unexpected(cleared.error());
  }
  for (const auto& editor : editors) {
    auto email = normalize_email(editor.email);
    if (!email) return std::unexpected(email.error());
    auto inserted = c.exec(
        "INSERT INTO editors (id, email, display_name, password_hash, created_at, disabled) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {param(editor.id), param(*email), param(editor.display_name), param(editor.password_hash),
         param(editor.created_at), param(editor.disabled)});
    if (!inserted) return std::unexpected(inserted.error());
  }
  return advance_id_sequence(c, "editors");
}

}  // namespace

Result<OperationalState> read_operational_state(Connection& c) {
  return read_operational_state_with(
      [&](OperationalState& state) { return read_visitor_state(c, state); },
      [&] { return read_editors(c); });
}

Status write_operational_state(Connection& c, const OperationalState& state) {
  return write_operational_state_with(
      state, [&](const OperationalState& s) { return write_visitor_state(c, s); },
      [&](const std::vector<Editor>& editors) { return write_editors(c, editors); });
}

}  // namespace bdp::pg
