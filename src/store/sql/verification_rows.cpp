// Verification of data (model/verification.h): one row per practice once it was verified or
// reminded; a practice without one reads as never verified.
#include <fmt/format.h>

#include <string>

#include "store/sql/tables.h"

namespace bdp::sql {
namespace {

constexpr std::string_view kColumns =
    "practice_id, content_verified_at, contacts_verified_at, reminded_at, confirm_token_hash";

Verification verification_from(const Rows& rows, int r, int first) {
  return Verification{rows.integer(r, first), rows.integer(r, first + 1),
                      rows.integer(r, first + 2), rows.integer(r, first + 3),
                      rows.text(r, first + 4)};
}

}  // namespace

Result<Verification> read_verification(Connection& c, std::int64_t practice_id) {
  auto rows =
      c.exec(fmt::format("SELECT {} FROM practice_verifications WHERE practice_id = $1", kColumns),
             {value(practice_id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return Verification{practice_id, 0, 0, 0, ""};
  return verification_from(*rows, 0, 0);
}

Result<std::vector<VerificationItem>> read_verifications(Connection& c) {
  auto rows = c.exec(
      "SELECT p.id, p.title, u.name, p.updated_at, COALESCE(v.content_verified_at, 0), "
      "COALESCE(v.contacts_verified_at, 0), COALESCE(v.reminded_at, 0), "
      "COALESCE(v.confirm_token_hash, '') "
      "FROM practices p JOIN units u ON u.id = p.unit_id "
      "LEFT JOIN practice_verifications v ON v.practice_id = p.id "
      "WHERE p.status = 'published' ORDER BY p.id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<VerificationItem> out;
  out.reserve(static_cast<std::size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    Verification v{rows->integer(r, 0), rows->integer(r, 4), rows->integer(r, 5),
                   rows->integer(r, 6), rows->text(r, 7)};
    out.push_back(
        {rows->integer(r, 0), rows->text(r, 1), rows->text(r, 2), rows->text(r, 3), std::move(v)});
  }
  return out;
}

Result<Verification> read_verification_by_token(Connection& c, const std::string& token_hash) {
  if (token_hash.empty()) return fail(ErrorKind::not_found, "no confirmation token");
  auto rows = c.exec(fmt::format("SELECT {} FROM practice_verifications "
                                 "WHERE confirm_token_hash = $1",
                                 kColumns),
                     {value(token_hash)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return fail(ErrorKind::not_found, "no open confirmation for this token");
  return verification_from(*rows, 0, 0);
}

Status write_verification(Connection& c, const Verification& v) {
  if (v.content_verified_at < 0 || v.contacts_verified_at < 0 || v.reminded_at < 0) {
    return fail(ErrorKind::invalid_input, "a verification time is negative");
  }
  if (auto exists = practice_exists(c, v.practice_id); !exists) return exists;
  if (auto saved =
          c.run(fmt::format("INSERT INTO practice_verifications ({}) VALUES ($1, $2, $3, $4, $5) "
                            "ON CONFLICT (practice_id) DO UPDATE SET "
                            "content_verified_at = excluded.content_verified_at, "
                            "contacts_verified_at = excluded.contacts_verified_at, "
                            "reminded_at = excluded.reminded_at, "
                            "confirm_token_hash = excluded.confirm_token_hash",
                            kColumns),
                {value(v.practice_id), value(v.content_verified_at), value(v.contacts_verified_at),
                 value(v.reminded_at), value(v.confirm_token_hash)});
      !saved) {
    return saved;
  }
  // The practice's page shows the date: its pages are dropped, nothing else.
  return append_change(c, EntityKind::practice, v.practice_id, false);
}

Result<bool> claim_reminder(Connection& c, std::int64_t practice_id, std::int64_t now,
                            std::int64_t reminded_before, const std::string& token_hash) {
  if (token_hash.empty()) return fail(ErrorKind::invalid_input, "the reminder's token is empty");
  if (auto exists = practice_exists(c, practice_id); !exists) {
    return std::unexpected(exists.error());
  }
  if (auto row = c.run(fmt::format("INSERT INTO practice_verifications ({}) "
                                   "VALUES ($1, 0, 0, 0, '') ON CONFLICT (practice_id) DO NOTHING",
                                   kColumns),
                       {value(practice_id)});
      !row) {
    return std::unexpected(row.error());
  }
  // Conditional on the stored time: of two claims at once, on any nodes, one updates the row
  // and the other then finds it reminded.
  auto claimed = c.exec(
      "UPDATE practice_verifications SET reminded_at = $2, confirm_token_hash = $3 "
      "WHERE practice_id = $1 AND reminded_at < $4 RETURNING practice_id",
      {value(practice_id), value(now), value(token_hash), value(reminded_before)});
  if (!claimed) return std::unexpected(claimed.error());
  return !claimed->empty();
}

}  // namespace bdp::sql
