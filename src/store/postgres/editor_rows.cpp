#include <string>

#include "store/postgres/tables.h"
#include "store/validate.h"

namespace bdp::pg {
namespace {

const std::string kEditorColumns =
    "SELECT id, email, display_name, password_hash, created_at, disabled FROM editors ";

Editor editor_from(const PgResult& r, int row) {
  return Editor{r.integer(row, 0), r.text(row, 1),    r.text(row, 2),
                r.text(row, 3),    r.integer(row, 4), r.boolean(row, 5)};
}

}  // namespace

Result<std::int64_t> write_editor(Connection& c, const Editor& editor) {
  if (auto valid = validate_editor(editor); !valid) return std::unexpected(valid.error());
  auto email = normalize_email(editor.email);
  if (!email) return std::unexpected(email.error());
  auto id = c.exec(
      "INSERT INTO editors (email, display_name, password_hash, created_at, disabled) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {param(*email), param(editor.display_name), param(editor.password_hash),
       param(editor.created_at), param(editor.disabled)});
  if (!id) {
    if (id.error().kind != ErrorKind::conflict) return std::unexpected(id.error());
    return fail(ErrorKind::conflict, "an editor with the e-mail " + *email + " exists");
  }
  return id->integer(0, 0);
}

Result<std::vector<Editor>> read_editors(Connection& c) {
  auto rows = c.exec(kEditorColumns + "ORDER BY email");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Editor> editors;
  for (int i = 0; i < rows->rows(); ++i) editors.push_back(editor_from(*rows, i));
  return editors;
}

Result<Editor> read_editor_by_email(Connection& c, const std::string& email) {
  auto normalized = normalize_email(email);
  if (!normalized) return fail(ErrorKind::not_found, "no editor with that e-mail");
  auto rows = c.exec(kEditorColumns + "WHERE email = $1", {param(*normalized)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->rows() == 0)
    return fail(ErrorKind::not_found, "no editor with the e-mail " + *normalized);
  return editor_from(*rows, 0);
}

Status write_editor_disabled(Connection& c, const std::string& email, bool disabled) {
  auto editor = read_editor_by_email(c, email);
  if (!editor) return std::unexpected(editor.error());
  auto updated = c.exec("UPDATE editors SET disabled = $2 WHERE id = $1",
                        {param(editor->id), param(disabled)});
  if (!updated) return std::unexpected(updated.error());
  if (!disabled) return {};
  auto deleted = c.exec("DELETE FROM sessions WHERE editor_id = $1", {param(editor->id)});
  if (!deleted) return std::unexpected(deleted.error());
  return {};
}

Status write_session(Connection& c, const EditorSession& session) {
  if (auto valid = validate_session(session); !valid) return valid;
  if (auto pruned = prune_expired_sessions(c, session.created_at); !pruned) {
    return std::unexpected(pruned.error());
  }
  // FOR SHARE: a concurrent disable waits for this session to commit, then deletes it too.
  auto active = c.exec("SELECT 1 FROM editors WHERE id = $1 AND NOT disabled FOR SHARE",
                       {param(session.editor_id)});
  if (!active) return std::unexpected(active.error());
  if (active->rows() == 0) return fail(ErrorKind::not_found, "no active editor with that id");
  auto inserted = c.exec(
      "INSERT INTO sessions (token_hash, editor_id, created_at, expires_at, last_seen_at) "
      "VALUES ($1, $2, $3, $4, $3)",
      {param(session.token_hash), param(session.editor_id), param(session.created_at),
       param(session.expires_at)});
  if (!inserted) return std::unexpected(inserted.error());
  return {};
}

Result<Editor> read_session_editor(Connection& c, const std::string& token_hash, std::int64_t now) {
  auto rows = c.exec(
      "SELECT e.id, e.email, e.display_name, e.password_hash, e.created_at, e.disabled "
      "FROM sessions s JOIN editors e ON e.id = s.editor_id "
      "WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT e.disabled",
      {param(token_hash), param(now)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->rows() == 0) return fail(ErrorKind::not_found, "no live session with that token");
  // Once a minute is precise enough for "last seen", and spares a row write per request.
  auto seen = c.exec(
      "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at <= $2 - 60",
      {param(token_hash), param(now)});
  if (!seen) return std::unexpected(seen.error());
  return editor_from(*rows, 0);
}

Status remove_session(Connection& c, const std::string& token_hash) {
  auto deleted = c.exec("DELETE FROM sessions WHERE token_hash = $1", {param(token_hash)});
  if (!deleted) return std::unexpected(deleted.error());
  return {};
}

Result<std::int64_t> prune_expired_sessions(Connection& c, std::int64_t now) {
  auto deleted = c.exec("DELETE FROM sessions WHERE expires_at <= $1", {param(now)});
  if (!deleted) return std::unexpected(deleted.error());
  return deleted->affected();
}

}  // namespace bdp::pg
