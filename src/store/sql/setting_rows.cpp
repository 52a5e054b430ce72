#include <map>
#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

constexpr std::size_t kMaxSetting = std::size_t{64} * 1024;

Status check_setting(const std::string& key, const std::string& value) {
  if (key.empty() || key.size() > 64 ||
      key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
    return fail(ErrorKind::invalid_input, "a setting's key is 1-64 of a-z and _: '" + key + "'");
  }
  if (key == "visitor_base") {
    return fail(ErrorKind::invalid_input, "visitor_base is set by set_visitor_base");
  }
  if (value.size() > kMaxSetting) {
    return fail(ErrorKind::invalid_input, "setting " + key + " is over 64 KiB");
  }
  if (!is_utf8(value) || value.find('\0') != std::string::npos) {
    return fail(ErrorKind::invalid_input, "setting " + key + " is not UTF-8 text");
  }
  return {};
}

}  // namespace

Result<std::string> read_setting(Connection& c, const std::string& key) {
  auto rows = c.exec("SELECT value FROM settings WHERE key = $1", {value(key)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no setting " + key);
  return rows->text(0, 0);
}

Status write_setting(Connection& c, const std::string& key, const std::string& text) {
  if (auto checked = check_setting(key, text); !checked) return checked;
  auto id = c.single_integer(
      "INSERT INTO settings (key, value) VALUES ($1, $2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING id",
      {value(key), value(text)});
  if (!id) return std::unexpected(id.error());
  return append_change(c, EntityKind::setting, *id, false);
}

Result<std::map<std::string, std::string>> read_settings(Connection& c) {
  auto rows = c.exec("SELECT key, value FROM settings WHERE key <> 'visitor_base'");
  if (!rows) return std::unexpected(rows.error());
  std::map<std::string, std::string> settings;
  for (int r = 0; r < rows->size(); ++r) settings[rows->text(r, 0)] = rows->text(r, 1);
  return settings;
}

Status write_settings(Connection& c, const std::map<std::string, std::string>& settings) {
  for (const auto& [key, text] : settings) {
    if (auto checked = check_setting(key, text); !checked) return checked;
  }
  if (auto cleared = c.run("DELETE FROM settings WHERE key <> 'visitor_base'"); !cleared) {
    return cleared;
  }
  for (const auto& [key, text] : settings) {
    if (auto written = write_setting(c, key, text); !written) return written;
  }
  return {};
}

}  // namespace bdp::sql
