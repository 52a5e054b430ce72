#include <sodium.h>

#include <array>
#include <string>

#include "store/sqlite/tables.h"
#include "store/validate.h"

namespace bdp::sqlite {

Result<VisitorTotals> read_visitor_totals(Connection& c) {
  auto total = c.single_integer(
      "SELECT visits + COALESCE((SELECT CAST(value AS INTEGER) FROM settings "
      "WHERE key = 'visitor_base'), 0) FROM visitor_counter WHERE id = 1");
  if (!total) return std::unexpected(total.error());
  return VisitorTotals{*total};
}

Result<VisitorTotals> write_visit(Connection& c, const std::string& day, const std::string& hash) {
  if (auto status = validate_visit(day, hash); !status) return std::unexpected(status.error());
  auto inserted =
      c.execute("INSERT OR IGNORE INTO visitor_days (day, hash) VALUES (?1, ?2)", day, hash);
  if (!inserted) return std::unexpected(inserted.error());
  if (c.changes() == 1) {
    auto counted = c.execute("UPDATE visitor_counter SET visits = visits + 1 WHERE id = 1");
    if (!counted) return std::unexpected(counted.error());
    // Only the count of past days matters; yesterday is kept for nodes whose clock lags.
    auto forgotten = c.execute("DELETE FROM visitor_days WHERE day < date(?1, '-1 day')", day);
    if (!forgotten) return std::unexpected(forgotten.error());
  }
  return read_visitor_totals(c);
}

Status write_visitor_base(Connection& c, std::int64_t base) {
  if (base < 0) return fail(ErrorKind::invalid_input, "visitor base must not be negative");
  auto id = c.single_integer(
      "INSERT INTO settings (key, value) VALUES ('visitor_base', ?1) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING id",
      std::to_string(base));
  if (!id) return std::unexpected(id.error());
  return append_change(c, EntityKind::setting, *id);
}

Result<std::string> write_daily_salt(Connection& c, const std::string& day) {
  if (!is_iso_date(day)) {
    return fail(ErrorKind::invalid_input, "salt day '" + day + "' is not YYYY-MM-DD");
  }
  auto forgotten = c.execute("DELETE FROM daily_salts WHERE day < ?1", day);
  if (!forgotten) return std::unexpected(forgotten.error());
  std::array<unsigned char, 32> fresh;
  randombytes_buf(fresh.data(), fresh.size());
  auto inserted = c.prepare("INSERT OR IGNORE INTO daily_salts (day, salt) VALUES (?1, ?2)");
  if (!inserted) return std::unexpected(inserted.error());
  inserted->bind(1, day);
  inserted->bind_blob(2,
                      std::string_view(reinterpret_cast<const char*>(fresh.data()), fresh.size()));
  if (auto status = inserted->run(); !status) return std::unexpected(status.error());
  auto salt = c.query("SELECT salt FROM daily_salts WHERE day = ?1", day);
  if (!salt) return std::unexpected(salt.error());
  auto row = salt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorKind::internal, "daily salt vanished");
  return salt->text(0);
}

}  // namespace bdp::sqlite
