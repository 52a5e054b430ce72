// Revisions of a practice: every save of its content is kept, immutable, as ordered named text
// fields (who, when, why, a hash of the content). They are compared field by field and an old one
// restored into the working copy. Back office only: not in dump()/load().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/practice.h"

namespace bdp {

// One named piece of a practice's content: "title", "summary", "contacts.0.name",
// "presentation.2.body"… The value is the field's text (numbers in decimal, lists one per line).
struct ContentField {
  std::string key;
  std::string value;
  bool operator==(const ContentField&) const = default;
};

// The parts of the key of a list item's field: "contacts.3.name" → {"contacts", 3, "name"}
// (views into `key`); nullopt for a key of no list or an index of 10 000 or more.
struct ListFieldKey {
  std::string_view list;
  std::size_t index = 0;
  std::string_view sub;
};
std::optional<ListFieldKey> list_field_key(std::string_view key);

// A list of ids as a content field holds it ("3,5"), and back: invalid_input when malformed.
std::string ids_text(const std::vector<std::int64_t>& ids);
Result<std::vector<std::int64_t>> parse_ids(const std::string& text);

// The practice's content as fields, in the order of the Metryka and the presentation. Leaves out
// what is not content: id, slug, source key, status, updated_at.
std::vector<ContentField> content_fields(const Practice& practice);

// `base` with its content replaced by `fields` (content_fields of another state of it); id, slug,
// source key and status stay. invalid_input for an unknown key or a malformed number.
Result<Practice> with_content(Practice base, const std::vector<ContentField>& fields);

// Who saved a revision and why. `at` 0: the store stamps the time of the save.
struct RevisionNote {
  std::int64_t at = 0;                   // Unix seconds
  std::optional<std::int64_t> actor_id;  // the editor; null for the public or the command line
  std::string actor;                     // an e-mail, "public", "system"
  std::string reason;                    // "" when none was given
  bool operator==(const RevisionNote&) const = default;
};

struct PracticeRevision {
  std::int64_t practice_id = 0;
  int number = 0;  // 1, 2, … per practice
  RevisionNote note;
  std::string content_hash;            // SHA-256 (hex) of the fields, set by the store
  std::vector<ContentField> fields;    // empty in a list of revisions
  std::optional<int> same_content_as;  // the latest earlier revision with the same hash (a revert)
  bool operator==(const PracticeRevision&) const = default;
};

// The next revision of a published practice, in review while the public keeps reading the
// published content (Writer::propose_revision). Publishing it merges it with what was fixed in
// the published text since `base` (workflow/pending_merge.h).
struct PendingRevision {
  std::int64_t practice_id = 0;
  int number = 0;          // the revision holding its content
  int base = 0;            // the published revision it was made from
  std::int64_t since = 0;  // Unix seconds: first proposed
  RevisionNote note;       // who proposed its latest content, when and why
  bool operator==(const PendingRevision&) const = default;
};

}  // namespace bdp
