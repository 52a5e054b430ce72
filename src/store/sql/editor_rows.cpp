#include <string>

#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kEditorColumns =
    "SELECT id, email, display_name, password_hash, created_at, disabled, role FROM editors ";

// The role column is CHECKed to be one of the roles; anything else reads as the least one.
Editor editor_from(const Rows& r, int row) {
  return Editor{r.integer(row, 0),
                r.text(row, 1),
                r.text(row, 2),
                r.text(row, 3),
                r.integer(row, 4),
                r.boolean(row, 5),
                role_from_string(r.text(row, 6)).value_or(Role::submitter)};
}

}  // namespace

Result<std::int64_t> write_editor(Connection& c, const Editor& editor) {
  if (auto valid = validate_editor(editor); !valid) return std::unexpected(valid.error());
  auto email = normalize_email(editor.email);
  if (!email) return std::unexpected(email.error());
  auto id = c.single_integer(
      "INSERT INTO editors (email, display_name, password_hash, created_at, disabled, role) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {value(*email), value(editor.display_name), value(editor.password_hash),
       value(editor.created_at), value(editor.disabled),
       value(std::string(to_string(editor.role)))});
  if (!id && id.error().kind == ErrorKind::conflict) {
    return fail(ErrorKind::conflict, "an editor with the e-mail " + *email + " exists");
  }
  return id;
}

Result<std::vector<Editor>> read_editors(Connection& c) {
  auto rows = c.exec(std::string(kEditorColumns) + "ORDER BY email");
  if (!rows) return std::unexpected(rows.error());
  std::vector<Editor> editors;
  editors.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) editors.push_back(editor_from(*rows, r));
  return editors;
}

Result<Editor> read_editor_by_email(Connection& c, const std::string& email) {
  auto normalized = normalize_email(email);
  if (!normalized) return fail(ErrorKind::not_found, "no editor with that e-mail");
  auto rows = c.exec(std::string(kEditorColumns) + "WHERE email = $1", {value(*normalized)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no editor with the e-mail " + *normalized);
  return editor_from(*rows, 0);
}

Result<Editor> read_editor(Connection& c, std::int64_t id) {
  auto rows = c.exec(std::string(kEditorColumns) + "WHERE id = $1", {value(id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no editor with that id");
  return editor_from(*rows, 0);
}

Status write_editor_role(Connection& c, const std::string& email, Role role,
                         const AuditEntry& audit) {
  auto editor = read_editor_by_email(c, email);
  if (!editor) return std::unexpected(editor.error());
  if (auto updated = c.run("UPDATE editors SET role = $2 WHERE id = $1",
                           {value(editor->id), value(std::string(to_string(role)))});
      !updated) {
    return updated;
  }
  return write_audit(c, audit);
}

Status write_editor_password(Connection& c, std::int64_t editor_id,
                             const std::string& password_hash, const std::string& keep_session,
                             const AuditEntry& audit) {
  if (password_hash.empty()) return fail(ErrorKind::invalid_input, "the password hash is empty");
  auto updated = c.exec("UPDATE editors SET password_hash = $2 WHERE id = $1",
                        {value(editor_id), value(password_hash)});
  if (!updated) return std::unexpected(updated.error());
  if (updated->affected() == 0) return fail(ErrorKind::not_found, "no editor with that id");
  if (auto ended = c.run("DELETE FROM sessions WHERE editor_id = $1 AND token_hash <> $2",
                         {value(editor_id), value(keep_session)});
      !ended) {
    return ended;
  }
  return write_audit(c, audit);
}

Status write_editor_disabled(Connection& c, const std::string& email, bool disabled) {
  auto editor = read_editor_by_email(c, email);
  if (!editor) return std::unexpected(editor.error());
  auto updated =
      c.run("UPDATE editors SET disabled = $2 WHERE id = $1", {value(editor->id), value(disabled)});
  if (!updated || !disabled) return updated;
  return c.run("DELETE FROM sessions WHERE editor_id = $1", {value(editor->id)});
}

Status write_session(Connection& c, const EditorSession& session) {
  if (auto valid = validate_session(session); !valid) return valid;
  if (auto pruned = prune_expired_sessions(c, session.created_at); !pruned) {
    return std::unexpected(pruned.error());
  }
  // Locked for share: a concurrent disable waits for this session to commit, then deletes it.
  auto active = c.exec("SELECT 1 FROM editors WHERE id = $1 AND NOT disabled" +
                           std::string(c.dialect().lock_for_share),
                       {value(session.editor_id)});
  if (!active) return std::unexpected(active.error());
  if (active->empty()) return fail(ErrorKind::not_found, "no active editor with that id");
  return c.run(
      "INSERT INTO sessions (token_hash, editor_id, created_at, expires_at, last_seen_at) "
      "VALUES ($1, $2, $3, $4, $3)",
      {value(session.token_hash), value(session.editor_id), value(session.created_at),
       value(session.expires_at)});
}

Result<Editor> read_session_editor(Connection& c, const std::string& token_hash, std::int64_t now) {
  auto rows = c.exec(
      "SELECT e.id, e.email, e.display_name, e.password_hash, e.created_at, e.disabled, e.role "
      "FROM sessions s JOIN editors e ON e.id = s.editor_id "
      "WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT e.disabled",
      {value(token_hash), value(now)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no live session with that token");
  // A write per request would serialise every editor page on the write lock: once a minute is
  // precise enough for "last seen".
  auto seen =
      c.run("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at <= $3",
            {value(token_hash), value(now), value(now - 60)});
  if (!seen) return std::unexpected(seen.error());
  return editor_from(*rows, 0);
}

Status remove_session(Connection& c, const std::string& token_hash) {
  return c.run("DELETE FROM sessions WHERE token_hash = $1", {value(token_hash)});
}

Result<std::int64_t> prune_expired_sessions(Connection& c, std::int64_t now) {
  auto deleted = c.exec("DELETE FROM sessions WHERE expires_at <= $1", {value(now)});
  if (!deleted) return std::unexpected(deleted.error());
  return deleted->affected();
}

}  // namespace bdp::sql
