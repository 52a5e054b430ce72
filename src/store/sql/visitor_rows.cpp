#include <sodium.h>

#include <array>
#include <string>

#include "store/sql/clock.h"
#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {

Result<VisitorTotals> read_visitor_totals(Connection& c) {
  auto total = c.single_integer(
      "SELECT visits + COALESCE((SELECT CAST(value AS BIGINT) FROM settings "
      "WHERE key = 'visitor_base'), 0) FROM visitor_counter WHERE id = 1");
  if (!total) return std::unexpected(total.error());
  return VisitorTotals{*total};
}

Result<std::vector<std::string>> read_visitors_on(Connection& c, const std::string& day) {
  auto rows = c.exec("SELECT hash FROM visitor_days WHERE day = $1", {value(day)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> hashes;
  hashes.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) hashes.push_back(rows->text(i, 0));
  return hashes;
}

Result<VisitorTotals> write_visits(Connection& c, const std::string& day,
                                   const std::vector<std::string>& hashes) {
  for (const auto& hash : hashes) {
    if (auto status = validate_visit(day, hash); !status) return std::unexpected(status.error());
  }
  // A concurrent insert of the same (day, hash) waits for the first to commit, then does
  // nothing: each visitor-day is counted once, by exactly one transaction.
  std::int64_t added = 0;
  for (const auto& hash : hashes) {
    auto inserted =
        c.exec("INSERT INTO visitor_days (day, hash) VALUES ($1, $2) ON CONFLICT DO NOTHING",
               {value(day), value(hash)});
    if (!inserted) return std::unexpected(inserted.error());
    added += inserted->affected();
  }
  if (added > 0) {
    auto counted =
        c.run("UPDATE visitor_counter SET visits = visits + $1 WHERE id = 1", {value(added)});
    if (!counted) return std::unexpected(counted.error());
    // Only the count of past days matters; yesterday is kept for nodes whose clock lags.
    auto forgotten = c.run("DELETE FROM visitor_days WHERE day < $1", {value(previous_day(day))});
    if (!forgotten) return std::unexpected(forgotten.error());
  }
  return read_visitor_totals(c);
}

Status write_visitor_base(Connection& c, std::int64_t base) {
  if (base < 0) return fail(ErrorKind::invalid_input, "visitor base must not be negative");
  // Every start sets it from the config: the same base writes nothing (no page is dropped, and
  // a read-only database still starts).
  auto stored = c.exec("SELECT value FROM settings WHERE key = 'visitor_base'");
  if (!stored) return std::unexpected(stored.error());
  if (!stored->empty() && stored->text(0, 0) == std::to_string(base)) return {};
  auto id = c.single_integer(
      "INSERT INTO settings (key, value) VALUES ('visitor_base', $1) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING id",
      {value(std::to_string(base))});
  if (!id) return std::unexpected(id.error());
  return append_change(c, EntityKind::setting, *id, false);
}

Result<std::string> write_daily_salt(Connection& c, const std::string& day) {
  if (!is_iso_date(day)) {
    return fail(ErrorKind::invalid_input, "salt day '" + day + "' is not YYYY-MM-DD");
  }
  auto forgotten = c.run("DELETE FROM daily_salts WHERE day < $1", {value(day)});
  if (!forgotten) return std::unexpected(forgotten.error());
  std::array<unsigned char, 32> fresh;
  randombytes_buf(fresh.data(), fresh.size());
  // First writer wins; every node then reads the same salt.
  auto inserted =
      c.run("INSERT INTO daily_salts (day, salt) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            {value(day),
             value(Blob{std::string(reinterpret_cast<const char*>(fresh.data()), fresh.size())})});
  if (!inserted) return std::unexpected(inserted.error());
  auto salt = c.exec("SELECT salt FROM daily_salts WHERE day = $1", {value(day)});
  if (!salt) return std::unexpected(salt.error());
  if (salt->empty()) return fail(ErrorKind::internal, "daily salt vanished");
  return salt->text(0, 0);
}

}  // namespace bdp::sql
