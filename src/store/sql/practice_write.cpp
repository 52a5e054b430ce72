#include <algorithm>
#include <string>

#include "store/sql/clock.h"
#include "store/sql/tables.h"
#include "store/validate.h"

namespace bdp::sql {
namespace {

Status check_references(Connection& c, const Practice& p) {
  auto unit = c.exec("SELECT EXISTS (SELECT 1 FROM units WHERE id = $1)", {value(p.unit_id)});
  if (!unit) return std::unexpected(unit.error());
  if (!unit->boolean(0, 0)) {
    return fail(ErrorKind::invalid_input, "unit " + std::to_string(p.unit_id) + " does not exist");
  }
  if (p.section_ids.empty()) return {};
  auto known = c.exec("SELECT id FROM sections WHERE " + c.dialect().in_ids("id", 1),
                      {value(IdList{p.section_ids})});
  if (!known) return std::unexpected(known.error());
  for (auto id : p.section_ids) {
    bool found = false;
    for (int r = 0; r < known->size() && !found; ++r) found = known->integer(r, 0) == id;
    if (!found) {
      return fail(ErrorKind::invalid_input, "section " + std::to_string(id) + " does not exist");
    }
  }
  return {};
}

// The unit a stored practice belongs to, nullopt when `id` is not stored yet.
Result<std::optional<std::int64_t>> stored_unit(Connection& c, std::int64_t id) {
  if (id == 0) return std::nullopt;
  auto rows = c.exec("SELECT unit_id FROM practices WHERE id = $1", {value(id)});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::nullopt;
  return rows->integer(0, 0);
}

Result<std::int64_t> upsert_row(Connection& c, const Practice& p, Stamp stamp) {
  const std::string updated_at =
      stamp == Stamp::keep && !p.updated_at.empty() ? p.updated_at : utc_timestamp();
  return c.single_integer(
      "INSERT INTO practices (id, slug, title, summary, entered_on, unit_id, implementing_body, "
      "postal_code, post_office, street, website, population, provenance_source, "
      "provenance_programme, provenance_note, source_key, status, updated_at) VALUES (" +
          c.dialect().new_id("practices", 1) +
          ", $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
          "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title, "
          "summary = excluded.summary, entered_on = excluded.entered_on, "
          "unit_id = excluded.unit_id, implementing_body = excluded.implementing_body, "
          "postal_code = excluded.postal_code, post_office = excluded.post_office, "
          "street = excluded.street, website = excluded.website, "
          "population = excluded.population, provenance_source = excluded.provenance_source, "
          "provenance_programme = excluded.provenance_programme, "
          "provenance_note = excluded.provenance_note, source_key = excluded.source_key, "
          "status = excluded.status, updated_at = excluded.updated_at RETURNING id",
      {value(p.id ? std::optional(p.id) : std::nullopt), value(p.slug), value(p.title),
       value(p.summary), value(p.entered_on), value(p.unit_id), value(p.implementing_body),
       value(p.postal_code), value(p.post_office), value(p.street), value(p.website),
       value(p.population), value(p.provenance.source), value(p.provenance.programme),
       value(p.provenance.note), value(p.source_key), value(to_string(p.status)),
       value(updated_at)});
}

// Deletes every child row of practice `id` (contacts cascade to phones); returns the sections
// it was filed in.
Result<std::vector<std::int64_t>> clear_children(Connection& c, std::int64_t id) {
  auto sections = c.exec(
      "DELETE FROM practice_sections WHERE practice_id = $1 RETURNING section_id", {value(id)});
  if (!sections) return std::unexpected(sections.error());
  for (std::string_view table : {"contacts", "presentation_sections", "attachments"}) {
    // Table names come from the list above, never from input.
    auto cleared =
        c.run("DELETE FROM " + std::string(table) + " WHERE practice_id = $1", {value(id)});
    if (!cleared) return std::unexpected(cleared.error());
  }
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<std::size_t>(sections->size()));
  for (int r = 0; r < sections->size(); ++r) ids.push_back(sections->integer(r, 0));
  return ids;
}

Status write_contacts(Connection& c, std::int64_t id, const std::vector<Contact>& contacts) {
  std::vector<Value> rows;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& contact = contacts[i];
    rows.insert(rows.end(), {value(id), value(i), value(contact.name), value(contact.position),
                             value(contact.email)});
  }
  auto added = insert_rows(c, "contacts", "practice_id, position, name, job_title, email", 5, rows,
                           "id, position");
  if (!added) return std::unexpected(added.error());
  std::vector<Value> phones;
  for (const auto& result : *added) {
    for (int r = 0; r < result.size(); ++r) {
      const auto& contact = contacts.at(static_cast<std::size_t>(result.integer(r, 1)));
      for (std::size_t j = 0; j < contact.phones.size(); ++j) {
        phones.insert(phones.end(),
                      {value(result.integer(r, 0)), value(j), value(contact.phones[j])});
      }
    }
  }
  auto phoned = insert_rows(c, "contact_phones", "contact_id, position, phone", 3, phones);
  if (!phoned) return std::unexpected(phoned.error());
  return {};
}

// Writes every child row of practice `id` from `p` (after clear_children for a stored one).
Status write_children(Connection& c, std::int64_t id, const Practice& p) {
  std::vector<Value> sections, parts, attachments;
  for (std::size_t i = 0; i < p.section_ids.size(); ++i) {
    sections.insert(sections.end(), {value(id), value(p.section_ids[i]), value(i)});
  }
  for (std::size_t i = 0; i < p.presentation.size(); ++i) {
    const auto& part = p.presentation[i];
    parts.insert(parts.end(),
                 {value(id), value(i), value(part.key), value(part.heading), value(part.body)});
  }
  for (std::size_t i = 0; i < p.attachments.size(); ++i) {
    attachments.insert(attachments.end(), {value(id), value(i), value(p.attachments[i].title),
                                           value(p.attachments[i].url)});
  }
  if (auto added =
          insert_rows(c, "practice_sections", "practice_id, section_id, position", 3, sections);
      !added) {
    return std::unexpected(added.error());
  }
  if (auto status = write_contacts(c, id, p.contacts); !status) return status;
  if (auto added = insert_rows(c, "presentation_sections",
                               "practice_id, position, key, heading, body", 5, parts);
      !added) {
    return std::unexpected(added.error());
  }
  auto added = insert_rows(c, "attachments", "practice_id, position, title, url", 4, attachments);
  if (!added) return std::unexpected(added.error());
  return {};
}

// The unit and sections a practice change concerns, before and after, each once.
std::vector<EntityRef> concerned(std::optional<std::int64_t> old_unit, std::int64_t new_unit,
                                 std::vector<std::int64_t> sections) {
  std::vector<EntityRef> related;
  related.push_back({EntityKind::unit, new_unit});
  if (old_unit && *old_unit != new_unit) related.push_back({EntityKind::unit, *old_unit});
  std::sort(sections.begin(), sections.end());
  sections.erase(std::unique(sections.begin(), sections.end()), sections.end());
  for (auto id : sections) related.push_back({EntityKind::section, id});
  return related;
}

}  // namespace

Result<std::int64_t> write_practice(Connection& c, const Practice& p, Stamp stamp,
                                    const RevisionNote& note) {
  if (auto status = validate_practice(p); !status) return std::unexpected(status.error());
  if (auto status = check_references(c, p); !status) return std::unexpected(status.error());
  auto old_unit = stored_unit(c, p.id);
  if (!old_unit) return std::unexpected(old_unit.error());
  std::vector<std::int64_t> sections;
  if (*old_unit) {
    if (auto kept = write_baseline_revision(c, p.id); !kept) return std::unexpected(kept.error());
    auto old_sections = clear_children(c, p.id);
    if (!old_sections) return std::unexpected(old_sections.error());
    sections = std::move(*old_sections);
  }
  auto id = upsert_row(c, p, stamp);
  if (!id) return fail(id.error().kind, "saving practice '" + p.title + "': " + id.error().message);
  if (p.id != 0 && !*old_unit) {
    if (auto status = advance_id_sequence(c, "practices"); !status) {
      return std::unexpected(status.error());
    }
  }
  if (auto status = write_children(c, *id, p); !status) return std::unexpected(status.error());
  if (auto number = write_revision(c, *id, p, note); !number) {
    return std::unexpected(number.error());
  }
  sections.insert(sections.end(), p.section_ids.begin(), p.section_ids.end());
  if (auto status = append_change(c, EntityKind::practice, *id, false,
                                  concerned(*old_unit, p.unit_id, std::move(sections)));
      !status) {
    return std::unexpected(status.error());
  }
  return *id;
}

Status remove_practice(Connection& c, std::int64_t id) {
  auto old_unit = stored_unit(c, id);
  if (!old_unit) return std::unexpected(old_unit.error());
  if (!*old_unit) return fail(ErrorKind::not_found, "no practice " + std::to_string(id));
  auto sections = clear_children(c, id);
  if (!sections) return std::unexpected(sections.error());
  if (auto released = release_adoptions(c, id); !released) return released;
  auto removed = c.run("DELETE FROM practices WHERE id = $1", {value(id)});
  if (!removed) return removed;
  return append_change(c, EntityKind::practice, id, true,
                       concerned(std::nullopt, **old_unit, std::move(*sections)));
}

}  // namespace bdp::sql
