#include "store/postgres/migrations.h"

namespace bdp::pg {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> list = {
      // 1: the initial schema (mirrors sqlite/migrations.cpp version 1).
      R"sql(
CREATE TABLE sections (
  id BIGSERIAL PRIMARY KEY,
  parent_id BIGINT REFERENCES sections(id),
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  legacy_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sections_parent ON sections(parent_id);

CREATE TABLE units (
  id BIGSERIAL PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT '',
  town TEXT NOT NULL DEFAULT '',
  county TEXT NOT NULL DEFAULT '',
  voivodeship TEXT NOT NULL DEFAULT '',
  teryt TEXT NOT NULL DEFAULT '',
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION
);

CREATE TABLE unit_population (
  unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  count BIGINT NOT NULL CHECK (count >= 0),
  PRIMARY KEY (unit_id, year)
);

CREATE TABLE practices (
  id BIGSERIAL PRIMARY KEY,
  slug TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  entered_on TEXT NOT NULL DEFAULT '',
  unit_id BIGINT NOT NULL REFERENCES units(id),
  implementing_body TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  post_office TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  population BIGINT,
  provenance_source TEXT NOT NULL DEFAULT '',
  provenance_programme TEXT NOT NULL DEFAULT '',
  provenance_note TEXT NOT NULL DEFAULT '',
  source_key TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review',
                                         'changes_requested', 'published', 'archived')),
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX practices_source_key ON practices(source_key) WHERE source_key <> '';
CREATE INDEX practices_unit ON practices(unit_id);
CREATE INDEX practices_status_entered ON practices(status, entered_on);

CREATE TABLE practice_sections (
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  section_id BIGINT NOT NULL REFERENCES sections(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (practice_id, section_id)
);
CREATE INDEX practice_sections_section ON practice_sections(section_id);

CREATE TABLE contacts (
  id BIGSERIAL PRIMARY KEY,
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  UNIQUE (practice_id, position)
);

CREATE TABLE contact_phones (
  contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  phone TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
);

CREATE TABLE presentation_sections (
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  heading TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (practice_id, position)
);

CREATE TABLE attachments (
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (practice_id, position)
);

-- A sequence never reuses a value. Seqs are drawn and committed in order because every write
-- that appends here holds the change-log advisory lock (see transaction.h).
CREATE TABLE change_log (
  seq BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('practice', 'unit', 'section', 'setting')),
  entity_id BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT false,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE settings (
  id BIGSERIAL PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);

-- Unique visitors: one row per (day, hash); rows of past days may be deleted, the running count
-- lives in visitor_counter.
CREATE TABLE visitor_days (
  day TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (day, hash)
);
CREATE TABLE visitor_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  visits BIGINT NOT NULL
);
INSERT INTO visitor_counter (id, visits) VALUES (1, 0);
CREATE TABLE daily_salts (
  day TEXT PRIMARY KEY,
  salt BYTEA NOT NULL
);
)sql",
      // 2: editors and their login sessions (mirrors sqlite/migrations.cpp version 2).
      R"sql(
CREATE TABLE editors (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,  -- case-folded by the store: unique case-insensitively
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  editor_id BIGINT NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires_at);
CREATE INDEX sessions_editor ON sessions(editor_id);
)sql",
      // 3: a change-log entry names the entities it concerns (Change::related).
      R"sql(
ALTER TABLE change_log ADD COLUMN related TEXT NOT NULL DEFAULT '';
)sql",
      // 4: the back office (mirrors sqlite/migrations.cpp version 4).
      R"sql(
ALTER TABLE editors ADD COLUMN role TEXT NOT NULL DEFAULT 'editor'
  CHECK (role IN ('administrator', 'editor', 'reviewer', 'submitter'));
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE TABLE practice_workflow (
  practice_id BIGINT PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  assignee_id BIGINT REFERENCES editors(id) ON DELETE SET NULL,
  due_on TEXT NOT NULL DEFAULT '',
  state_since BIGINT NOT NULL
);
CREATE TABLE review_comments (
  id BIGSERIAL PRIMARY KEY,
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  author_id BIGINT REFERENCES editors(id) ON DELETE SET NULL,
  author_name TEXT NOT NULL,
  to_submitter BOOLEAN NOT NULL,
  body TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX review_comments_practice ON review_comments(practice_id, id);
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, id);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TABLE submission_drafts (
  token_hash TEXT PRIMARY KEY,
  form TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX submission_drafts_updated ON submission_drafts(updated_at);
CREATE TABLE submissions (
  token_hash TEXT PRIMARY KEY,
  practice_id BIGINT NOT NULL UNIQUE REFERENCES practices(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  consent_text TEXT NOT NULL,
  consent_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
)sql",
      // 5: the mail outbox (mirrors sqlite/migrations.cpp version 5).
      R"sql(
CREATE TABLE outgoing_mail (
  id BIGSERIAL PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'dead')),
  last_error TEXT NOT NULL DEFAULT '',
  sent_at BIGINT
);
CREATE INDEX outgoing_mail_due ON outgoing_mail(next_attempt_at) WHERE state IN ('queued', 'sending');
CREATE INDEX outgoing_mail_state ON outgoing_mail(state, id);
)sql",
      // 6: the links of "Inne bazy danych" (mirrors sqlite/migrations.cpp version 6).
      R"sql(
CREATE TABLE links (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'pl',
  category TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  last_status INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  checked_at BIGINT NOT NULL DEFAULT 0
);
ALTER TABLE change_log DROP CONSTRAINT change_log_kind_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_kind_check
  CHECK (kind IN ('practice', 'unit', 'section', 'setting', 'link'));
)sql",
      // 7: the document library (mirrors sqlite/migrations.cpp version 7).
      R"sql(
ALTER TABLE change_log DROP CONSTRAINT change_log_kind_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_kind_check
  CHECK (kind IN ('practice', 'unit', 'section', 'setting', 'link', 'document'));
CREATE TABLE documents (
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  year INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('raport', 'poradnik', 'publikacja', 'uchwala', 'zarzadzenie',
                                     'prezentacja', 'inny')),
  language TEXT NOT NULL DEFAULT 'pl',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE document_tags (
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
);
CREATE TABLE document_units (
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, unit_id)
);
CREATE TABLE document_practices (
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, practice_id)
);
CREATE INDEX document_practices_practice ON document_practices(practice_id);
CREATE TABLE files (
  id BIGSERIAL PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size BIGINT NOT NULL,
  chunk_size INTEGER NOT NULL
);
CREATE TABLE file_chunks (
  file_id BIGINT NOT NULL REFERENCES files(id),
  seq INTEGER NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (file_id, seq)
);
CREATE TABLE document_versions (
  id BIGSERIAL PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id),
  number INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES files(sha256),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  withdrawn_at BIGINT,
  withdrawn_by TEXT NOT NULL DEFAULT '',
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  text_status TEXT NOT NULL DEFAULT 'pending',
  UNIQUE (document_id, number)
);
CREATE INDEX document_versions_pending ON document_versions(id) WHERE text_status = 'pending';
CREATE TABLE version_pages (
  version_id BIGINT NOT NULL REFERENCES document_versions(id),
  page INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (version_id, page)
);
CREATE TABLE version_thumbnails (
  version_id BIGINT PRIMARY KEY REFERENCES document_versions(id),
  png BYTEA NOT NULL
);
)sql",
      // 8: adoptions (mirrors sqlite/migrations.cpp version 8).
      R"sql(
ALTER TABLE change_log DROP CONSTRAINT change_log_kind_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_kind_check
  CHECK (kind IN ('practice', 'unit', 'section', 'setting', 'link', 'document', 'adoption'));
CREATE TABLE adoptions (
  id BIGSERIAL PRIMARY KEY,
  practice_id BIGINT NOT NULL REFERENCES practices(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  adopting_practice_id BIGINT REFERENCES practices(id),
  kind TEXT NOT NULL CHECK (kind IN ('adopted', 'adapted')),
  year INTEGER NOT NULL,
  changes TEXT NOT NULL,
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  created_on TEXT NOT NULL
);
CREATE INDEX adoptions_practice ON adoptions(practice_id);
CREATE INDEX adoptions_adopting ON adoptions(adopting_practice_id);
CREATE INDEX adoptions_status ON adoptions(status, id);
)sql",
      // 9: expert assessments (mirrors sqlite/migrations.cpp version 9).
      R"sql(
CREATE TABLE assessments (
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  reviewer_id BIGINT NOT NULL REFERENCES editors(id),
  criteria_version INTEGER NOT NULL,
  conflict BOOLEAN NOT NULL,
  justification TEXT NOT NULL,
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 3),
  at BIGINT NOT NULL,
  PRIMARY KEY (practice_id, reviewer_id)
);
CREATE TABLE assessment_scores (
  practice_id BIGINT NOT NULL,
  reviewer_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
  PRIMARY KEY (practice_id, reviewer_id, position),
  FOREIGN KEY (practice_id, reviewer_id) REFERENCES assessments(practice_id, reviewer_id)
    ON DELETE CASCADE
);
)sql",
      // 10: revisions (mirrors sqlite/migrations.cpp version 10).
      R"sql(
CREATE TABLE practice_revisions (
  practice_id BIGINT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number > 0),
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  PRIMARY KEY (practice_id, number)
);
CREATE TABLE revision_fields (
  practice_id BIGINT NOT NULL,
  number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (practice_id, number, position),
  FOREIGN KEY (practice_id, number) REFERENCES practice_revisions(practice_id, number)
    ON DELETE CASCADE
);
CREATE FUNCTION revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'revisions are immutable'; END $$;
CREATE TRIGGER practice_revisions_immutable BEFORE UPDATE ON practice_revisions
FOR EACH STATEMENT EXECUTE FUNCTION revisions_immutable();
CREATE TRIGGER revision_fields_immutable BEFORE UPDATE ON revision_fields
FOR EACH STATEMENT EXECUTE FUNCTION revisions_immutable();
)sql",
      // 11: verification of data (mirrors sqlite/migrations.cpp version 11).
      R"sql(
CREATE TABLE practice_verifications (
  practice_id BIGINT PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  content_verified_at BIGINT NOT NULL CHECK (content_verified_at >= 0),
  contacts_verified_at BIGINT NOT NULL CHECK (contacts_verified_at >= 0),
  reminded_at BIGINT NOT NULL CHECK (reminded_at >= 0),
  confirm_token_hash TEXT NOT NULL
);
CREATE INDEX practice_verifications_token ON practice_verifications(confirm_token_hash);
)sql",
      // 12: retired slugs (mirrors sqlite/migrations.cpp version 12).
      R"sql(
CREATE TABLE retired_slugs (
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'section')),
  slug TEXT NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (kind, slug)
);
CREATE INDEX retired_slugs_target ON retired_slugs(kind, target_id);
)sql",
      // 13: pending revisions (mirrors sqlite/migrations.cpp version 13).
      R"sql(
CREATE TABLE pending_revisions (
  practice_id BIGINT PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  base INTEGER NOT NULL,
  since BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
ALTER TABLE practice_revisions ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
)sql",
      // 14: assessment disclosures (mirrors sqlite/migrations.cpp version 14).
      R"sql(
CREATE TABLE assessment_disclosures (
  practice_id BIGINT PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  since BIGINT NOT NULL
);
)sql",
  };
  return list;
}

}  // namespace bdp::pg
