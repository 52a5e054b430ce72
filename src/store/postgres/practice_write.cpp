#include <string>

#include "store/postgres/tables.h"
#include "store/validate.h"

namespace bdp::pg {
namespace {

Status check_references(Connection& c, const Practice& p) {
  auto unit = c.exec("SELECT EXISTS (SELECT 1 FROM units WHERE id = $1)", {param(p.unit_id)});
  if (!unit) return std::unexpected(unit.error());
  if (!unit->boolean(0, 0)) {
    return fail(ErrorKind::invalid_input, "unit " + std::to_string(p.unit_id) + " does not exist");
  }
  auto missing = c.exec(
      "SELECT id FROM unnest($1::bigint[]) AS wanted(id) "
      "WHERE id NOT IN (SELECT id FROM sections) LIMIT 1",
      {id_array(p.section_ids)});
  if (!missing) return std::unexpected(missing.error());
  if (missing->rows() > 0) {
    return fail(ErrorKind::invalid_input,
                "section " + std::to_string(missing->integer(0, 0)) + " does not exist");
  }
  return {};
}

Result<PgResult> upsert_row(Connection& c, const Practice& p, Stamp stamp) {
  return c.exec(
      "INSERT INTO practices (id, slug, title, summary, entered_on, unit_id, implementing_body, "
      "postal_code, post_office, street, website, population, provenance_source, "
      "provenance_programme, provenance_note, source_key, status, updated_at) "
      "VALUES (COALESCE($1, nextval(pg_get_serial_sequence('practices', 'id'))), $2, $3, $4, $5, "
      "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
      "COALESCE(NULLIF($18, ''), to_char(now() AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title, "
      "summary = excluded.summary, entered_on = excluded.entered_on, unit_id = excluded.unit_id, "
      "implementing_body = excluded.implementing_body, postal_code = excluded.postal_code, "
      "post_office = excluded.post_office, street = excluded.street, "
      "website = excluded.website, population = excluded.population, "
      "provenance_source = excluded.provenance_source, "
      "provenance_programme = excluded.provenance_programme, "
      "provenance_note = excluded.provenance_note, source_key = excluded.source_key, "
      "status = excluded.status, updated_at = excluded.updated_at RETURNING id",
      {p.id ? param(p.id) : std::nullopt, param(p.slug), param(p.title), param(p.summary),
       param(p.entered_on), param(p.unit_id), param(p.implementing_body), param(p.postal_code),
       param(p.post_office), param(p.street), param(p.website), param(p.population),
       param(p.provenance.source), param(p.provenance.programme), param(p.provenance.note),
       param(p.source_key), param(to_string(p.status)),
       param(stamp == Stamp::keep ? p.updated_at : std::string())});
}

Status write_contacts(Connection& c, std::int64_t id, const std::vector<Contact>& contacts) {
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& contact = contacts[i];
    auto contact_id = c.exec(
        "INSERT INTO contacts (practice_id, position, name, job_title, email) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {param(id), param(i), param(contact.name), param(contact.position), param(contact.email)});
    if (!contact_id) return std::unexpected(contact_id.error());
    for (std::size_t j = 0; j < contact.phones.size(); ++j) {
      auto phone =
          c.exec("INSERT INTO contact_phones (contact_id, position, phone) VALUES ($1, $2, $3)",
                 {param(contact_id->integer(0, 0)), param(j), param(contact.phones[j])});
      if (!phone) return std::unexpected(phone.error());
    }
  }
  return {};
}

// Replaces every child row of practice `id` with those of `p`.
Status write_children(Connection& c, std::int64_t id, const Practice& p) {
  for (std::string_view table :
       {"practice_sections", "contacts", "presentation_sections", "attachments"}) {
    // Table names come from the list above, never from input; contacts cascade to phones.
    auto cleared =
        c.exec("DELETE FROM " + std::string(table) + " WHERE practice_id = $1", {param(id)});
    if (!cleared) return std::unexpected(cleared.error());
  }
  for (std::size_t i = 0; i < p.section_ids.size(); ++i) {
    auto added = c.exec(
        "INSERT INTO practice_sections (practice_id, section_id, position) VALUES ($1, $2, $3)",
        {param(id), param(p.section_ids[i]), param(i)});
    if (!added) return std::unexpected(added.error());
  }
  if (auto status = write_contacts(c, id, p.contacts); !status) return status;
  for (std::size_t i = 0; i < p.presentation.size(); ++i) {
    const auto& part = p.presentation[i];
    auto added = c.exec(
        "INSERT INTO presentation_sections (practice_id, position, key, heading, body) "
        "VALUES ($1, $2, $3, $4, $5)",
        {param(id), param(i), param(part.key), param(part.heading), param(part.body)});
    if (!added) return std::unexpected(added.error());
  }
  for (std::size_t i = 0; i < p.attachments.size(); ++i) {
    auto added = c.exec(
        "INSERT INTO attachments (practice_id, position, title, url) VALUES ($1, $2, $3, $4)",
        {param(id), param(i), param(p.attachments[i].title), param(p.attachments[i].url)});
    if (!added) return std::unexpected(added.error());
  }
  return {};
}

}  // namespace

Result<std::int64_t> write_practice(Connection& c, const Practice& p, Stamp stamp) {
  if (auto status = validate_practice(p); !status) return std::unexpected(status.error());
  if (auto status = check_references(c, p); !status) return std::unexpected(status.error());
  auto row = upsert_row(c, p, stamp);
  if (!row)
    return fail(row.error().kind, "saving practice '" + p.title + "': " + row.error().message);
  auto id = row->integer(0, 0);
  if (p.id != 0) {
    if (auto status = advance_id_sequence(c, "practices"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto status = write_children(c, id, p); !status) return std::unexpected(status.error());
  if (auto status = append_change(c, EntityKind::practice, id); !status) {
    return std::unexpected(status.error());
  }
  return id;
}

Status remove_practice(Connection& c, std::int64_t id) {
  auto removed = c.exec("DELETE FROM practices WHERE id = $1", {param(id)});
  if (!removed) return std::unexpected(removed.error());
  if (removed->affected() == 0)
    return fail(ErrorKind::not_found, "no practice " + std::to_string(id));
  return append_change(c, EntityKind::practice, id, true);
}

}  // namespace bdp::pg
