#include "store/postgres/postgres_store.h"

#include <sodium.h>

#include <utility>

#include "store/postgres/connection_pool.h"
#include "store/postgres/migrations.h"
#include "store/sql/sql_store.h"

namespace bdp {
namespace {

using sql::Access;

// Enough for the web server's threads on a small machine; PostgreSQL's default allows 100.
constexpr int kConnections = 8;

// Advisory-lock keys (any constants, distinct): "bdp-chg" and the next one, in ASCII.
constexpr std::int64_t kChangeLogLock = 27693263586716519;
constexpr std::int64_t kMigrationLock = 27693263586716520;

class PostgresTransaction final : public sql::Transaction {
 public:
  explicit PostgresTransaction(pg::Lease lease) : lease_(std::move(lease)) {}
  ~PostgresTransaction() override {
    if (open_) (void)lease_->run("ROLLBACK");
  }
  sql::Connection& connection() override { return *lease_; }
  // unavailable when the connection broke: the outcome is then unknown to the caller.
  Status commit() override {
    open_ = false;
    return lease_->run("COMMIT");
  }

 private:
  pg::Lease lease_;
  bool open_ = true;
};

// Reads take one REPEATABLE READ snapshot; logged writes and migrations hold a transaction-level
// advisory lock each (writers of the change log one at a time, see sql::Access); plain writes
// take no lock, so logins never wait for an import.
class PostgresEngine final : public sql::Engine {
 public:
  explicit PostgresEngine(const std::string& url) : pool_(url, pg::PoolOptions{kConnections}) {}

  // Checks that the server answers (the connection goes back to the pool for later use).
  Status connect() {
    auto lease = pool_.acquire();
    if (!lease) return std::unexpected(lease.error());
    return {};
  }

  // BEGIN is the first statement of the lease, so a connection that broke while idle (a server
  // restart) is re-established and BEGIN retried once (see Connection::exec).
  Result<std::unique_ptr<sql::Transaction>> begin(Access access) override {
    auto lease = pool_.acquire();
    if (!lease) return std::unexpected(lease.error());
    const char* begin_sql =
        access == Access::read ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN";
    if (auto begun = (*lease)->run(begin_sql); !begun) return std::unexpected(begun.error());
    auto transaction = std::make_unique<PostgresTransaction>(std::move(*lease));
    if (access == Access::logged_write || access == Access::migrate) {
      auto key = access == Access::migrate ? kMigrationLock : kChangeLogLock;
      auto locked = transaction->connection().run(
          "SELECT pg_advisory_xact_lock(CAST($1 AS BIGINT))", {sql::value(key)});
      if (!locked) return std::unexpected(locked.error());
    }
    return transaction;
  }
  const std::vector<std::string_view>& migrations() const override { return pg::migrations(); }

 private:
  pg::ConnectionPool pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url) {
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  auto engine = std::make_unique<PostgresEngine>(url);
  if (auto connected = engine->connect(); !connected) return std::unexpected(connected.error());
  return sql::make_sql_store(std::move(engine));
}

}  // namespace bdp
