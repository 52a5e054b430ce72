#include "store/sqlite/migrations.h"

namespace bdp::sqlite {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> list = {
      // 1: the initial schema.
      R"sql(
CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES sections(id),
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  legacy_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sections_parent ON sections(parent_id);

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT '',
  town TEXT NOT NULL DEFAULT '',
  county TEXT NOT NULL DEFAULT '',
  voivodeship TEXT NOT NULL DEFAULT '',
  teryt TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL
);

CREATE TABLE unit_population (
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (unit_id, year)
) WITHOUT ROWID;

CREATE TABLE practices (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  entered_on TEXT NOT NULL DEFAULT '',
  unit_id INTEGER NOT NULL REFERENCES units(id),
  implementing_body TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  post_office TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  population INTEGER,
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
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  section_id INTEGER NOT NULL REFERENCES sections(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (practice_id, section_id)
) WITHOUT ROWID;
CREATE INDEX practice_sections_section ON practice_sections(section_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  UNIQUE (practice_id, position)
);

CREATE TABLE contact_phones (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  phone TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE presentation_sections (
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  heading TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (practice_id, position)
) WITHOUT ROWID;

CREATE TABLE attachments (
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (practice_id, position)
) WITHOUT ROWID;

-- AUTOINCREMENT: a seq is never reused, even after the newest entries are deleted.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('practice', 'unit', 'section', 'setting')),
  entity_id INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL
);

CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);

-- Unique visitors: one row per (day, hash); rows of past days may be deleted, the running count
-- lives in visitor_counter.
CREATE TABLE visitor_days (
  day TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (day, hash)
) WITHOUT ROWID;
CREATE TABLE visitor_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  visits INTEGER NOT NULL
);
INSERT INTO visitor_counter (id, visits) VALUES (1, 0);
CREATE TABLE daily_salts (
  day TEXT PRIMARY KEY,
  salt BLOB NOT NULL
);
)sql",
      // 2: editors and their login sessions (sessions by token hash, never the token).
      R"sql(
CREATE TABLE editors (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,  -- case-folded by the store: unique case-insensitively
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  editor_id INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_expires ON sessions(expires_at);
CREATE INDEX sessions_editor ON sessions(editor_id);
)sql",
      // 3: a change-log entry names the entities it concerns (Change::related).
      R"sql(
ALTER TABLE change_log ADD COLUMN related TEXT NOT NULL DEFAULT '';
)sql",
      // 4: the back office: roles, failed logins shared by every node, review workflow,
      // comments, the append-only audit log, public submissions (by a hashed private token).
      R"sql(
ALTER TABLE editors ADD COLUMN role TEXT NOT NULL DEFAULT 'editor'
  CHECK (role IN ('administrator', 'editor', 'reviewer', 'submitter'));
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE TABLE practice_workflow (
  practice_id INTEGER PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  assignee_id INTEGER REFERENCES editors(id) ON DELETE SET NULL,
  due_on TEXT NOT NULL DEFAULT '',
  state_since INTEGER NOT NULL
);
CREATE TABLE review_comments (
  id INTEGER PRIMARY KEY,
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  author_id INTEGER REFERENCES editors(id) ON DELETE SET NULL,
  author_name TEXT NOT NULL,
  to_submitter INTEGER NOT NULL,
  body TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX review_comments_practice ON review_comments(practice_id, id);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE submission_drafts (
  token_hash TEXT PRIMARY KEY,
  form TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX submission_drafts_updated ON submission_drafts(updated_at);
CREATE TABLE submissions (
  token_hash TEXT PRIMARY KEY,
  practice_id INTEGER NOT NULL UNIQUE REFERENCES practices(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  consent_text TEXT NOT NULL,
  consent_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
      // 5: the mail outbox (store.h, "the mail outbox"). next_attempt_at is when a queued mail
      // is due, or when the lease of a claimed (sending) one ends.
      R"sql(
CREATE TABLE outgoing_mail (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'dead')),
  last_error TEXT NOT NULL DEFAULT '',
  sent_at INTEGER
);
CREATE INDEX outgoing_mail_due ON outgoing_mail(next_attempt_at) WHERE state IN ('queued', 'sending');
CREATE INDEX outgoing_mail_state ON outgoing_mail(state, id);
)sql",
      // 6: the links of "Inne bazy danych" (model/link.h) with their last check, and 'link'
      // as a change-log kind. SQLite cannot alter a CHECK: the change log is rebuilt, keeping
      // its AUTOINCREMENT counter (a seq is never reused).
      R"sql(
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'pl',
  category TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  last_status INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  checked_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE change_log_v6 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('practice', 'unit', 'section', 'setting', 'link')),
  entity_id INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL,
  related TEXT NOT NULL DEFAULT ''
);
INSERT INTO change_log_v6 (seq, kind, entity_id, deleted, at, related)
  SELECT seq, kind, entity_id, deleted, at, related FROM change_log ORDER BY seq;
DELETE FROM sqlite_sequence WHERE name = 'change_log_v6';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'change_log_v6', seq FROM sqlite_sequence WHERE name = 'change_log';
DROP TABLE change_log;
ALTER TABLE change_log_v6 RENAME TO change_log;
)sql",
      // 7: the document library (store/document_store.h). A file's bytes are kept once per
      // sha256 in chunks, in the database every node reads (backups and migrate-db carry them);
      // a file being stored has the sha256 "pending:<random>" until all of it was read. The
      // change log learns the kind "document" (SQLite changes a CHECK by copying the table).
      R"sql(
CREATE TABLE change_log_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('practice', 'unit', 'section', 'setting', 'link', 'document')),
  entity_id INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL,
  related TEXT NOT NULL DEFAULT ''
);
INSERT INTO change_log_new (seq, kind, entity_id, deleted, at, related)
  SELECT seq, kind, entity_id, deleted, at, related FROM change_log;
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'change_log_new', seq FROM sqlite_sequence WHERE name = 'change_log'
  AND seq > COALESCE((SELECT MAX(seq) FROM change_log_new), 0);
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  year INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('raport', 'poradnik', 'publikacja', 'uchwala', 'zarzadzenie',
                                     'prezentacja', 'inny')),
  language TEXT NOT NULL DEFAULT 'pl',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE document_tags (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
);
CREATE TABLE document_units (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, unit_id)
);
CREATE TABLE document_practices (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, practice_id)
);
CREATE INDEX document_practices_practice ON document_practices(practice_id);
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  chunk_size INTEGER NOT NULL
);
CREATE TABLE file_chunks (
  file_id INTEGER NOT NULL REFERENCES files(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (file_id, seq)
);
CREATE TABLE document_versions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  number INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES files(sha256),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  withdrawn_at INTEGER,
  withdrawn_by TEXT NOT NULL DEFAULT '',
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  text_status TEXT NOT NULL DEFAULT 'pending',
  UNIQUE (document_id, number)
);
CREATE INDEX document_versions_pending ON document_versions(id) WHERE text_status = 'pending';
CREATE TABLE version_pages (
  version_id INTEGER NOT NULL REFERENCES document_versions(id),
  page INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (version_id, page)
);
CREATE TABLE version_thumbnails (
  version_id INTEGER PRIMARY KEY REFERENCES document_versions(id),
  png BLOB NOT NULL
);
)sql",
      // 8: adoptions, "Zastosowaliśmy to u nas" (model/adoption.h), and the change log's kind
      // "adoption". A practice's deletion takes its adoptions along and unlinks the own
      // practices that named it (practice_write.cpp).
      R"sql(
CREATE TABLE change_log_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('practice', 'unit', 'section', 'setting', 'link', 'document',
                                     'adoption')),
  entity_id INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL,
  related TEXT NOT NULL DEFAULT ''
);
INSERT INTO change_log_new (seq, kind, entity_id, deleted, at, related)
  SELECT seq, kind, entity_id, deleted, at, related FROM change_log;
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'change_log_new', seq FROM sqlite_sequence WHERE name = 'change_log'
  AND seq > COALESCE((SELECT MAX(seq) FROM change_log_new), 0);
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE TABLE adoptions (
  id INTEGER PRIMARY KEY,
  practice_id INTEGER NOT NULL REFERENCES practices(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  adopting_practice_id INTEGER REFERENCES practices(id),
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
      // 9: expert assessments (model/assessment.h): one per reviewer and practice, its scores
      // apart, both gone with the practice.
      R"sql(
CREATE TABLE assessments (
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  reviewer_id INTEGER NOT NULL REFERENCES editors(id),
  criteria_version INTEGER NOT NULL,
  conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)),
  justification TEXT NOT NULL,
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 3),
  at INTEGER NOT NULL,
  PRIMARY KEY (practice_id, reviewer_id)
);
CREATE TABLE assessment_scores (
  practice_id INTEGER NOT NULL,
  reviewer_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
  PRIMARY KEY (practice_id, reviewer_id, position),
  FOREIGN KEY (practice_id, reviewer_id) REFERENCES assessments(practice_id, reviewer_id)
    ON DELETE CASCADE
);
)sql",
      // 10: a practice's revisions (model/revision.h), their fields apart; never updated, gone
      // only with the practice.
      R"sql(
CREATE TABLE practice_revisions (
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number > 0),
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  PRIMARY KEY (practice_id, number)
);
CREATE TABLE revision_fields (
  practice_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (practice_id, number, position),
  FOREIGN KEY (practice_id, number) REFERENCES practice_revisions(practice_id, number)
    ON DELETE CASCADE
);
CREATE TRIGGER practice_revisions_no_update BEFORE UPDATE ON practice_revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revision_fields_no_update BEFORE UPDATE ON revision_fields
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
)sql",
      // 11: when a practice's content and contacts were last confirmed, and its last reminder
      // (model/verification.h); a practice without a row was never verified.
      R"sql(
CREATE TABLE practice_verifications (
  practice_id INTEGER PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  content_verified_at INTEGER NOT NULL CHECK (content_verified_at >= 0),
  contacts_verified_at INTEGER NOT NULL CHECK (contacts_verified_at >= 0),
  reminded_at INTEGER NOT NULL CHECK (reminded_at >= 0),
  confirm_token_hash TEXT NOT NULL
);
CREATE INDEX practice_verifications_token ON practice_verifications(confirm_token_hash);
)sql",
      // 12: the old slugs of renamed or merged units and renamed sections, each naming the
      // entity it now stands for (Store::retired_slug): their old addresses answer 301.
      R"sql(
CREATE TABLE retired_slugs (
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'section')),
  slug TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  PRIMARY KEY (kind, slug)
);
CREATE INDEX retired_slugs_target ON retired_slugs(kind, target_id);
)sql",
      // 13: the pending revision of a published practice: the revision in review while the
      // public reads the published one (Writer::propose_revision); a revision proposed so is
      // marked, and a save of the published text compares itself with the latest unmarked one.
      R"sql(
CREATE TABLE pending_revisions (
  practice_id INTEGER PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  base INTEGER NOT NULL,
  since INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
ALTER TABLE practice_revisions ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
)sql",
      // 14: the practices whose public page shows the summary of their expert assessment
      // (Writer::disclose_assessment), since when.
      R"sql(
CREATE TABLE assessment_disclosures (
  practice_id INTEGER PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  since INTEGER NOT NULL
);
)sql",
  };
  return list;
}

}  // namespace bdp::sqlite
