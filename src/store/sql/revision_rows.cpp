// A practice's revisions (model/revision.h): one row per save that changed its content, its
// fields apart; written by write_practice in the save's transaction, never updated.
#include <sodium.h>

#include <algorithm>
#include <array>
#include <string>

#include "store/sql/clock.h"
#include "store/sql/hex.h"
#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kRevisionColumns =
    "SELECT practice_id, number, at, actor_id, actor, reason, content_hash FROM "
    "practice_revisions ";

std::string hash_of(const std::vector<ContentField>& fields) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  const auto feed = [&](const std::string& text) {
    const std::string length = std::to_string(text.size()) + ':';
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()),
                              length.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                              text.size());
  };
  for (const auto& f : fields) {
    feed(f.key);
    feed(f.value);
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return hex(digest.data(), digest.size());
}

std::vector<PracticeRevision> revisions_from(Rows& r) {
  std::vector<PracticeRevision> out;
  out.reserve(static_cast<std::size_t>(r.size()));
  for (int i = 0; i < r.size(); ++i) {
    PracticeRevision v;
    v.practice_id = r.integer(i, 0);
    v.number = static_cast<int>(r.integer(i, 1));
    v.note.at = r.integer(i, 2);
    v.note.actor_id = r.optional_integer(i, 3);
    v.note.actor = r.take_text(i, 4);
    v.note.reason = r.take_text(i, 5);
    v.content_hash = r.take_text(i, 6);
    out.push_back(std::move(v));
  }
  return out;
}

// Marks each revision whose content an earlier one had (revisions in number order).
void mark_reverts(std::vector<PracticeRevision>& revisions) {
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    for (std::size_t j = i; j-- > 0;) {
      if (revisions[j].content_hash == revisions[i].content_hash) {
        revisions[i].same_content_as = revisions[j].number;
        break;
      }
    }
  }
}

}  // namespace

Result<int> write_revision(Connection& c, std::int64_t practice_id, const Practice& practice,
                           const RevisionNote& note, RevisionKind kind) {
  const auto fields = content_fields(practice);
  const std::string hash = hash_of(fields);
  const bool proposed = kind == RevisionKind::proposed;
  auto same = c.exec(
      "SELECT number, content_hash FROM practice_revisions WHERE practice_id = $1 "
      "AND (proposed = 0 OR $2 = 1) ORDER BY number DESC LIMIT 1",
      {value(practice_id), value(proposed ? 1 : 0)});
  if (!same) return std::unexpected(same.error());
  if (!same->empty() && same->text(0, 1) == hash) return static_cast<int>(same->integer(0, 0));
  auto last = c.exec("SELECT MAX(number) FROM practice_revisions WHERE practice_id = $1",
                     {value(practice_id)});
  if (!last) return std::unexpected(last.error());
  const std::int64_t number = last->integer(0, 0) + 1;
  if (auto added =
          c.run("INSERT INTO practice_revisions (practice_id, number, at, actor_id, actor, reason, "
                "content_hash, proposed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {value(practice_id), value(number), value(note.at ? note.at : unix_seconds()),
                 value(note.actor_id), value(note.actor), value(note.reason), value(hash),
                 value(proposed ? 1 : 0)});
      !added) {
    return std::unexpected(added.error());
  }
  std::vector<Value> rows;
  rows.reserve(fields.size() * 5);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    rows.insert(rows.end(), {value(practice_id), value(number), value(i), value(fields[i].key),
                             value(fields[i].value)});
  }
  auto written =
      insert_rows(c, "revision_fields", "practice_id, number, position, key, value", 5, rows);
  if (!written) return std::unexpected(written.error());
  return static_cast<int>(number);
}

Status write_baseline_revision(Connection& c, std::int64_t practice_id) {
  auto any = c.exec("SELECT 1 FROM practice_revisions WHERE practice_id = $1 LIMIT 1",
                    {value(practice_id)});
  if (!any) return std::unexpected(any.error());
  if (!any->empty()) return {};
  auto stored = read_practice(c, practice_id);
  if (!stored) return std::unexpected(stored.error());
  auto written =
      write_revision(c, practice_id, *stored, RevisionNote{0, std::nullopt, "system", ""});
  if (!written) return std::unexpected(written.error());
  return {};
}

Result<int> read_stored_revision_number(Connection& c, std::int64_t practice_id) {
  if (auto kept = write_baseline_revision(c, practice_id); !kept) {
    return std::unexpected(kept.error());
  }
  auto rows =
      c.exec("SELECT MAX(number) FROM practice_revisions WHERE practice_id = $1 AND proposed = 0",
             {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  return static_cast<int>(rows->integer(0, 0));
}

Result<std::vector<PracticeRevision>> read_revisions(Connection& c, std::int64_t practice_id) {
  auto rows = c.exec(std::string(kRevisionColumns) + "WHERE practice_id = $1 ORDER BY number",
                     {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  auto out = revisions_from(*rows);
  mark_reverts(out);
  return out;
}

Result<PracticeRevision> read_revision(Connection& c, std::int64_t practice_id, int number) {
  auto all = read_revisions(c, practice_id);
  if (!all) return std::unexpected(all.error());
  auto found = std::find_if(all->begin(), all->end(),
                            [&](const PracticeRevision& r) { return r.number == number; });
  if (found == all->end()) {
    return fail(ErrorKind::not_found, "practice " + std::to_string(practice_id) +
                                          " has no revision " + std::to_string(number));
  }
  auto fields = c.exec(
      "SELECT key, value FROM revision_fields WHERE practice_id = $1 AND number = $2 "
      "ORDER BY position",
      {value(practice_id), value(number)});
  if (!fields) return std::unexpected(fields.error());
  PracticeRevision revision = std::move(*found);
  revision.fields.reserve(static_cast<std::size_t>(fields->size()));
  for (int r = 0; r < fields->size(); ++r) {
    revision.fields.push_back({fields->take_text(r, 0), fields->take_text(r, 1)});
  }
  return revision;
}

}  // namespace bdp::sql
