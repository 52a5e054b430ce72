// The pending revision of a published practice (model/revision.h): one row per practice naming
// the revision that holds its content and the published revision it was made from; the content
// itself is an ordinary revision (revision_rows.cpp), so nothing is lost when it is dropped.
#include "store/sql/clock.h"
#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {

Result<PendingRevision> read_pending_revision(Connection& c, std::int64_t practice_id) {
  auto rows = c.exec(
      "SELECT practice_id, number, base, since, at, actor_id, actor, reason "
      "FROM pending_revisions WHERE practice_id = $1",
      {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) {
    return fail(ErrorKind::not_found,
                "practice " + std::to_string(practice_id) + " has no pending revision");
  }
  PendingRevision p;
  p.practice_id = rows->integer(0, 0);
  p.number = static_cast<int>(rows->integer(0, 1));
  p.base = static_cast<int>(rows->integer(0, 2));
  p.since = rows->integer(0, 3);
  p.note.at = rows->integer(0, 4);
  p.note.actor_id = rows->optional_integer(0, 5);
  p.note.actor = rows->take_text(0, 6);
  p.note.reason = rows->take_text(0, 7);
  return p;
}

Result<PendingRevision> write_proposal(Connection& c, const Practice& content,
                                       const RevisionNote& note) {
  auto live = read_practice(c, content.id);
  if (!live) return std::unexpected(live.error());
  if (live->status != PracticeStatus::published) {
    return fail(ErrorKind::conflict, "only a published practice has a pending revision");
  }
  Practice proposed = content;
  proposed.status = live->status;
  proposed.slug = live->slug;
  proposed.source_key = live->source_key;
  if (auto valid = validate_practice(proposed); !valid) return std::unexpected(valid.error());
  if (content_fields(proposed) == content_fields(*live)) {
    return fail(ErrorKind::conflict, "the proposed content is the published content");
  }
  auto base = read_stored_revision_number(c, content.id);
  if (!base) return std::unexpected(base.error());
  RevisionNote stamped = note;
  if (stamped.at == 0) stamped.at = unix_seconds();
  auto number = write_revision(c, content.id, proposed, stamped, RevisionKind::proposed);
  if (!number) return std::unexpected(number.error());
  if (auto saved = c.run(
          "INSERT INTO pending_revisions (practice_id, number, base, since, at, actor_id, actor, "
          "reason) VALUES ($1, $2, $3, $4, $4, $5, $6, $7) ON CONFLICT (practice_id) DO UPDATE "
          "SET number = excluded.number, at = excluded.at, actor_id = excluded.actor_id, "
          "actor = excluded.actor, reason = excluded.reason",
          {value(content.id), value(*number), value(*base), value(stamped.at),
           value(stamped.actor_id), value(stamped.actor), value(stamped.reason)});
      !saved) {
    return std::unexpected(saved.error());
  }
  return read_pending_revision(c, content.id);
}

Status remove_pending_revision(Connection& c, std::int64_t practice_id) {
  auto removed = c.exec("DELETE FROM pending_revisions WHERE practice_id = $1 RETURNING 1",
                        {value(practice_id)});
  if (!removed) return std::unexpected(removed.error());
  if (removed->empty()) {
    return fail(ErrorKind::not_found,
                "practice " + std::to_string(practice_id) + " has no pending revision");
  }
  return {};
}

Result<std::vector<Practice>> read_pending_contents(Connection& c) {
  auto practices = c.integers("SELECT practice_id FROM pending_revisions ORDER BY practice_id");
  if (!practices) return std::unexpected(practices.error());
  std::vector<Practice> contents;
  contents.reserve(practices->size());
  for (auto id : *practices) {
    auto pending = read_pending_revision(c, id);
    if (!pending) return std::unexpected(pending.error());
    auto revision = read_revision(c, id, pending->number);
    if (!revision) return std::unexpected(revision.error());
    auto practice = read_practice(c, id);
    if (!practice) return std::unexpected(practice.error());
    auto content = with_content(*practice, revision->fields);
    if (!content) return std::unexpected(content.error());
    contents.push_back(std::move(*content));
  }
  return contents;
}

Status repropose(Connection& c, const Practice& content, const RevisionNote& note) {
  auto proposed = write_proposal(c, content, note);
  if (proposed) return {};
  if (proposed.error().kind != ErrorKind::conflict) return std::unexpected(proposed.error());
  return remove_pending_revision(c, content.id);
}

}  // namespace bdp::sql
