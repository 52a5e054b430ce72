#include <string>

#include "store/sqlite/tables.h"
#include "store/validate.h"

namespace bdp::sqlite {
namespace {

Status check_references(Connection& c, const Practice& p) {
  auto unit = c.single_integer("SELECT EXISTS (SELECT 1 FROM units WHERE id = ?1)", p.unit_id);
  if (!unit) return std::unexpected(unit.error());
  if (!*unit)
    return fail(ErrorKind::invalid_input, "unit " + std::to_string(p.unit_id) + " does not exist");
  auto missing = c.prepare(
      "SELECT value FROM json_each(?1) WHERE value NOT IN (SELECT id FROM sections) LIMIT 1");
  if (!missing) return std::unexpected(missing.error());
  missing->bind_ids(1, p.section_ids);
  auto row = missing->step();
  if (!row) return std::unexpected(row.error());
  if (*row) {
    return fail(ErrorKind::invalid_input,
                "section " + std::to_string(missing->integer(0)) + " does not exist");
  }
  return {};
}

Result<std::int64_t> upsert_row(Connection& c, const Practice& p, Stamp stamp) {
  return c.single_integer(
      "INSERT INTO practices (id, slug, title, summary, entered_on, unit_id, implementing_body, "
      "postal_code, post_office, street, website, population, provenance_source, "
      "provenance_programme, provenance_note, source_key, status, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
      "COALESCE(NULLIF(?18, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title, "
      "summary = excluded.summary, entered_on = excluded.entered_on, unit_id = excluded.unit_id, "
      "implementing_body = excluded.implementing_body, postal_code = excluded.postal_code, "
      "post_office = excluded.post_office, street = excluded.street, "
      "website = excluded.website, population = excluded.population, "
      "provenance_source = excluded.provenance_source, "
      "provenance_programme = excluded.provenance_programme, "
      "provenance_note = excluded.provenance_note, source_key = excluded.source_key, "
      "status = excluded.status, updated_at = excluded.updated_at RETURNING id",
      p.id ? std::optional(p.id) : std::nullopt, p.slug, p.title, p.summary, p.entered_on,
      p.unit_id, p.implementing_body, p.postal_code, p.post_office, p.street, p.website,
      p.population, p.provenance.source, p.provenance.programme, p.provenance.note, p.source_key,
      to_string(p.status), stamp == Stamp::keep ? p.updated_at : std::string());
}

Status write_contacts(Connection& c, std::int64_t id, const std::vector<Contact>& contacts) {
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& contact = contacts[i];
    auto contact_id = c.single_integer(
        "INSERT INTO contacts (practice_id, position, name, job_title, email) "
        "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        id, static_cast<std::int64_t>(i), contact.name, contact.position, contact.email);
    if (!contact_id) return std::unexpected(contact_id.error());
    for (std::size_t j = 0; j < contact.phones.size(); ++j) {
      auto phone =
          c.execute("INSERT INTO contact_phones (contact_id, position, phone) VALUES (?1, ?2, ?3)",
                    *contact_id, static_cast<std::int64_t>(j), contact.phones[j]);
      if (!phone) return phone;
    }
  }
  return {};
}

// Replaces every child row of practice `id` with those of `p`.
Status write_children(Connection& c, std::int64_t id, const Practice& p) {
  for (std::string_view table :
       {"practice_sections", "contacts", "presentation_sections", "attachments"}) {
    // Table names come from the list above, never from input; contacts cascade to phones.
    auto cleared = c.execute("DELETE FROM " + std::string(table) + " WHERE practice_id = ?1", id);
    if (!cleared) return cleared;
  }
  for (std::size_t i = 0; i < p.section_ids.size(); ++i) {
    auto added = c.execute(
        "INSERT INTO practice_sections (practice_id, section_id, position) VALUES (?1, ?2, ?3)", id,
        p.section_ids[i], static_cast<std::int64_t>(i));
    if (!added) return added;
  }
  if (auto status = write_contacts(c, id, p.contacts); !status) return status;
  for (std::size_t i = 0; i < p.presentation.size(); ++i) {
    const auto& part = p.presentation[i];
    auto added = c.execute(
        "INSERT INTO presentation_sections (practice_id, position, key, heading, body) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
        id, static_cast<std::int64_t>(i), part.key, part.heading, part.body);
    if (!added) return added;
  }
  for (std::size_t i = 0; i < p.attachments.size(); ++i) {
    auto added = c.execute(
        "INSERT INTO attachments (practice_id, position, title, url) VALUES (?1, ?2, ?3, ?4)", id,
        static_cast<std::int64_t>(i), p.attachments[i].title, p.attachments[i].url);
    if (!added) return added;
  }
  return {};
}

}  // namespace

Result<std::int64_t> write_practice(Connection& c, const Practice& p, Stamp stamp) {
  if (auto status = validate_practice(p); !status) return std::unexpected(status.error());
  if (auto status = check_references(c, p); !status) return std::unexpected(status.error());
  auto id = upsert_row(c, p, stamp);
  if (!id) return fail(id.error().kind, "saving practice '" + p.title + "': " + id.error().message);
  if (auto status = write_children(c, *id, p); !status) return std::unexpected(status.error());
  if (auto status = append_change(c, EntityKind::practice, *id); !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

Status remove_practice(Connection& c, std::int64_t id) {
  auto removed = c.execute("DELETE FROM practices WHERE id = ?1", id);
  if (!removed) return removed;
  if (c.changes() == 0) return fail(ErrorKind::not_found, "no practice " + std::to_string(id));
  return append_change(c, EntityKind::practice, id, true);
}

}  // namespace bdp::sqlite
