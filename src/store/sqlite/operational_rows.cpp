#include <algorithm>
#include <string>

#include "store/operational_state.h"
#include "store/sqlite/tables.h"
#include "store/validate.h"

namespace bdp::sqlite {
namespace {

Status read_visitor_state(Connection& c, OperationalState& state) {
  auto base = c.single_integer(
      "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM settings "
      "WHERE key = 'visitor_base'), 0)");
  if (!base) return std::unexpected(base.error());
  state.visitor_base = *base;
  auto counted = c.single_integer("SELECT visits FROM visitor_counter WHERE id = 1");
  if (!counted) return std::unexpected(counted.error());
  state.visitor_days_counted = *counted;
  auto days = c.query("SELECT day, hash FROM visitor_days ORDER BY day, hash");
  if (!days) return std::unexpected(days.error());
  auto read_days = days->each_row([&](Statement& r) {
    state.recent_visitors.push_back({r.text(0), r.text(1)});
  });
  if (!read_days) return read_days;
  auto salts = c.query("SELECT day, salt FROM daily_salts ORDER BY day");
  if (!salts) return std::unexpected(salts.error());
  return salts->each_row([&](Statement& r) {
    state.daily_salts.push_back({r.text(0), r.text(1)});
  });
}

Status write_visitor_state(Connection& c, const OperationalState& state) {
  if (auto base = write_visitor_base(c, state.visitor_base); !base) return base;
  auto counted =
      c.execute("UPDATE visitor_counter SET visits = ?1 WHERE id = 1", state.visitor_days_counted);
  if (!counted) return counted;
  if (auto cleared = c.execute("DELETE FROM visitor_days"); !cleared) return cleared;
  for (const auto& visitor : state.recent_visitors) {
    auto inserted = c.execute("INSERT INTO visitor_days (day, hash) VALUES (?1, ?2)", visitor.day,
                              visitor.hash);
    if (!inserted) return inserted;
  }
  if (auto cleared = c.execute("DELETE FROM daily_salts"); !cleared) return cleared;
  for (const auto& salt : state.daily_salts) {
    auto inserted = c.prepare("INSERT INTO daily_salts (day, salt) VALUES (?1, ?2)");
    if (!inserted) return std::unexpected(inserted.error());
    inserted->bind(1, salt.day);
    inserted->bind_blob(2, salt.salt);
    if (auto status = inserted->run(); !status) return status;
  }
  return {};
}

Status write_editors(Connection& c, const std::vector<Editor>& editors) {
  if (auto cleared = c.execute("DELETE FROM sessions"); !cleared) return cleared;
  if (auto cleared = c.execute("DELETE FROM editors"); !cleared) return cleared;
  for (const auto& editor : editors) {
    auto email = normalize_email(editor.email);
    if (!email) return std::unexpected(email.error());
    auto inserted = c.execute(
        "INSERT INTO editors (id, email, display_name, password_hash, created_at, disabled) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        editor.id, *email, editor.display_name, editor.password_hash, editor.created_at,
        editor.disabled);
    if (!inserted) return inserted;
  }
  return {};
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

}  // namespace bdp::sqlite
