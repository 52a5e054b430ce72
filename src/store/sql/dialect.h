// Dialect: the few pieces of SQL text that differ between SQLite and PostgreSQL. Every statement
// of the store is written once with $1, $2… parameters and standard CAST; where the engines
// differ it asks its Dialect for the fragment. Fragments are constants of the program, never
// built from input.
#pragma once

#include <string>
#include <string_view>

namespace bdp::sql {

struct Dialect {
  // Collation for Polish alphabetical order (ą after a, ł after l).
  std::string_view polish_collation;
  // Collation comparing bytes (ISO dates and hashes in the same order on both engines).
  std::string_view byte_collation;
  // Appended to a SELECT of one row that a write depends on, to keep it from changing until
  // commit ("" where writers are serialised anyway).
  std::string_view lock_for_share;

  // "<column> <membership of the IdList parameter $n>", e.g. "id IN (SELECT value FROM
  // json_each(?1))" or "id = ANY(CAST($1 AS BIGINT[]))".
  std::string (*in_ids)(std::string_view column, int parameter);
  // The value of an id column for an insert whose explicit id is parameter $n (NULL: a new id).
  std::string (*new_id)(std::string_view table, int parameter);
  // A statement to run after rows of `table` were inserted with explicit ids, so that new ids
  // never collide with them; "" when the engine needs none.
  std::string (*after_explicit_ids)(std::string_view table);
  // Appended to a SELECT of rows a write claims, so that concurrent claimers take different
  // rows without waiting ("" where writers are serialised anyway).
  std::string_view lock_skip_locked;
};

}  // namespace bdp::sql
