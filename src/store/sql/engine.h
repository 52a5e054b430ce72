// Engine: what the one SQL store needs of a database engine besides its dialect: leasing a
// connection for a transaction of a given access (each engine takes its own locks and isolation)
// and the engine's schema migrations. Implemented by sqlite/ and postgres/. Thread-safe:
// begin() may be called from any thread; a Transaction belongs to the thread that holds it.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sql/connection.h"

namespace bdp::sql {

enum class Access {
  // One consistent snapshot for reads of several statements.
  read,
  // A write that appends to the change log: writers of this kind run one at a time, so
  // change-log seqs commit in the order they were drawn and a follower reading `seq > last`
  // never skips a lower seq that commits late (also makes explicit-id inserts race-free).
  logged_write,
  // A write that touches no change log (visitor counter, editors, sessions): never waits for
  // an import where the engine can avoid it.
  plain_write,
  // Running migrations: one process at a time, also across nodes.
  migrate,
};

// A transaction on a leased connection; rolled back and the connection returned when destroyed
// without commit().
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Connection& connection() = 0;
  // Errors: unavailable when the commit cannot be written; the write must not be acknowledged.
  virtual Status commit() = 0;
};

class Engine {
 public:
  virtual ~Engine() = default;
  // Leases a connection (waiting a bounded time) and begins a transaction. Errors: unavailable
  // when no connection can be had or BEGIN fails.
  virtual Result<std::unique_ptr<Transaction>> begin(Access access) = 0;
  // The schema, one script per version, oldest first (version n is element n - 1).
  virtual const std::vector<std::string_view>& migrations() const = 0;
};

// Applies the engine's pending migrations in one migrate transaction; safe to call on every
// start and from several nodes at once.
Status migrate(Engine& engine);

}  // namespace bdp::sql
