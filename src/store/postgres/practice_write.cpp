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

Status run(Connection& c, const char* sql, std::initializer_list<Param> params) {
  auto done = c.exec(sql, params);
  if (!done) return std::unexpected(done.error());
  return {};
}

Status write_contacts(Connection& c, std::int64_t id, const std::vector<Contact>& contacts) {
  std::vector<std::string> names, titles, emails, phones;
  std::vector<std::int64_t> phone_contacts, phone_positions;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    names.push_back(contacts[i].name);
    titles.push_back(contacts[i].position);
    emails.push_back(contacts[i].email);
    for (std::size_t j = 0; j < contacts[i].phones.size(); ++j) {
      phone_contacts.push_back(static_cast<std::int64_t>(i));
      phone_positions.push_back(static_cast<std::int64_t>(j));
      phones.push_back(contacts[i].phones[j]);
    }
  }
  auto added = run(c,
                   "INSERT INTO contacts (practice_id, position, name, job_title, email) "
                   "SELECT $1, o - 1, n, j, e FROM unnest($2::text[], $3::text[], $4::text[]) "
                   "WITH ORDINALITY AS t(n, j, e, o)",
                   {param(id), text_array(names), text_array(titles), text_array(emails)});
  if (!added) return added;
  return run(c,
             "INSERT INTO contact_phones (contact_id, position, phone) "
             "SELECT c.id, t.p, t.phone FROM unnest($2::bigint[], $3::bigint[], $4::text[]) "
             "AS t(contact, p, phone) JOIN contacts c ON c.practice_id = $1 AND "
             "c.position = t.contact",
             {param(id), id_array(phone_contacts), id_array(phone_positions), text_array(phones)});
}

// Replaces every child row of practice `id` with those of `p`: one statement per table, each
// list passed as an array parameter.
Status write_children(Connection& c, std::int64_t id, const Practice& p) {
  // One statement for the four tables; contacts cascade to their phones.
  auto cleared = run(c,
                     "WITH s AS (DELETE FROM practice_sections WHERE practice_id = $1), "
                     "c AS (DELETE FROM contacts WHERE practice_id = $1), "
                     "p AS (DELETE FROM presentation_sections WHERE practice_id = $1) "
                     "DELETE FROM attachments WHERE practice_id = $1",
                     {param(id)});
  if (!cleared) return cleared;
  auto added = run(c,
                   "INSERT INTO practice_sections (practice_id, section_id, position) "
                   "SELECT $1, s, o - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS t(s, o)",
                   {param(id), id_array(p.section_ids)});
  if (!added) return added;
  if (auto status = write_contacts(c, id, p.contacts); !status) return status;
  std::vector<std::string> keys, headings, bodies, titles, urls;
  for (const auto& part : p.presentation) {
    keys.push_back(part.key);
    headings.push_back(part.heading);
    bodies.push_back(part.body);
  }
  for (const auto& attachment : p.attachments) {
    titles.push_back(attachment.title);
    urls.push_back(attachment.url);
  }
  added = run(c,
              "INSERT INTO presentation_sections (practice_id, position, key, heading, body) "
              "SELECT $1, o - 1, k, h, b FROM unnest($2::text[], $3::text[], $4::text[]) "
              "WITH ORDINALITY AS t(k, h, b, o)",
              {param(id), text_array(keys), text_array(headings), text_array(bodies)});
  if (!added) return added;
  return run(c,
             "INSERT INTO attachments (practice_id, position, title, url) "
             "SELECT $1, o - 1, t, u FROM unnest($2::text[], $3::text[]) "
             "WITH ORDINALITY AS a(t, u, o)",
             {param(id), text_array(titles), text_array(urls)});
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
