#include <string>

#include "store/sqlite/tables.h"
#include "store/validate.h"

namespace bdp::sqlite {
namespace {

constexpr const char* kEditorColumns =
    "SELECT id, email, display_name, password_hash, created_at, disabled FROM editors ";

Editor editor_from(const Statement& r) {
  return Editor{r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.integer(5) != 0};
}

}  // namespace

Result<std::int64_t> write_editor(Connection& c, const Editor& editor) {
  if (auto valid = validate_editor(editor); !valid) return std::unexpected(valid.error());
  auto email = normalize_email(editor.email);
  if (!email) return std::unexpected(email.error());
  auto id = c.single_integer(
      "INSERT INTO editors (email, display_name, password_hash, created_at, disabled) "
      "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
      *email, editor.display_name, editor.password_hash, editor.created_at, editor.disabled);
  if (!id && id.error().kind == ErrorKind::conflict) {
    return fail(ErrorKind::conflict, "an editor with the e-mail " + *email + " exists");
  }
  return id;
}

Result<std::vector<Editor>> read_editors(Connection& c) {
  auto rows = c.query(std::string(kEditorColumns) + "ORDER BY email");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Editor> editors;
  auto status = rows->each_row([&](Statement& r) { editors.push_back(editor_from(r)); });
  if (!status) return std::unexpected(status.error());
  return editors;
}

Result<Editor> read_editor_by_email(Connection& c, const std::string& email) {
  auto normalized = normalize_email(email);
  if (!normalized) return fail(ErrorKind::not_found, "no editor with that e-mail");
  auto rows = c.query(std::string(kEditorColumns) + "WHERE email = ?1", *normalized);
  if (!rows) return std::unexpected(rows.error());
  auto row = rows->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return fail(ErrorKind::not_found, "no editor with the e-mail " + *normalized);
  return editor_from(*rows);
}

Status write_editor_disabled(Connection& c, const std::string& email, bool disabled) {
  auto editor = read_editor_by_email(c, email);
  if (!editor) return std::unexpected(editor.error());
  auto updated = c.execute("UPDATE editors SET disabled = ?2 WHERE id = ?1", editor->id, disabled);
  if (!updated || !disabled) return updated;
  return c.execute("DELETE FROM sessions WHERE editor_id = ?1", editor->id);
}

Status write_session(Connection& c, const EditorSession& session) {
  if (auto valid = validate_session(session); !valid) return valid;
  if (auto pruned = prune_expired_sessions(c, session.created_at); !pruned) {
    return std::unexpected(pruned.error());
  }
  auto active = c.single_integer("SELECT COUNT(*) FROM editors WHERE id = ?1 AND NOT disabled",
                                 session.editor_id);
  if (!active) return std::unexpected(active.error());
  if (*active == 0) return fail(ErrorKind::not_found, "no active editor with that id");
  return c.execute(
      "INSERT INTO sessions (token_hash, editor_id, created_at, expires_at, last_seen_at) "
      "VALUES (?1, ?2, ?3, ?4, ?3)",
      session.token_hash, session.editor_id, session.created_at, session.expires_at);
}

Result<Editor> read_session_editor(Connection& c, const std::string& token_hash, std::int64_t now) {
  Editor editor;
  {
    auto rows = c.query(
        "SELECT e.id, e.email, e.display_name, e.password_hash, e.created_at, e.disabled "
        "FROM sessions s JOIN editors e ON e.id = s.editor_id "
        "WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND NOT e.disabled",
        token_hash, now);
    if (!rows) return std::unexpected(rows.error());
    auto row = rows->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(ErrorKind::not_found, "no live session with that token");
    editor = editor_from(*rows);
  }
  // A write per request would serialise every editor page on the write lock: once a minute is
  // precise enough for "last seen".
  auto seen = c.execute(
      "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND last_seen_at <= ?2 - 60",
      token_hash, now);
  if (!seen) return std::unexpected(seen.error());
  return editor;
}

Status remove_session(Connection& c, const std::string& token_hash) {
  return c.execute("DELETE FROM sessions WHERE token_hash = ?1", token_hash);
}

Result<std::int64_t> prune_expired_sessions(Connection& c, std::int64_t now) {
  auto deleted = c.execute("DELETE FROM sessions WHERE expires_at <= ?1", now);
  if (!deleted) return std::unexpected(deleted.error());
  return c.changes();
}

}  // namespace bdp::sqlite
