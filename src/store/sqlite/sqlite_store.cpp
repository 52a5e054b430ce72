#include "store/sqlite/sqlite_store.h"

#include <sodium.h>

#include <utility>

#include "store/sql/sql_store.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/pool.h"

namespace bdp {
namespace {

using sql::Access;

// Enough readers for the web server's threads on a small machine; more only wait on the disk.
constexpr int kReaders = 4;

class SqliteTransaction final : public sql::Transaction {
 public:
  explicit SqliteTransaction(sqlite::Pool::Lease lease) : lease_(std::move(lease)) {}
  ~SqliteTransaction() override {
    // A failed COMMIT may leave the transaction open (e.g. SQLITE_BUSY); only roll back if so.
    if (!sqlite3_get_autocommit(lease_->handle())) (void)lease_->run("ROLLBACK");
  }
  sql::Connection& connection() override { return *lease_; }
  Status commit() override { return lease_->run("COMMIT"); }

 private:
  sqlite::Pool::Lease lease_;
};

// One writer, so writes of every kind are serialised by the pool; BEGIN IMMEDIATE takes the
// file's write lock at once, so a database busy in another process fails here, with
// unavailable, not half-way. Reads take a snapshot of their own (WAL).
class SqliteEngine final : public sql::Engine {
 public:
  explicit SqliteEngine(std::unique_ptr<sqlite::Pool> pool) : pool_(std::move(pool)) {}

  Result<std::unique_ptr<sql::Transaction>> begin(Access access) override {
    const bool reading = access == Access::read;
    auto lease = reading ? pool_->read() : pool_->write();
    if (auto begun = lease->run(reading ? "BEGIN" : "BEGIN IMMEDIATE"); !begun) {
      return std::unexpected(begun.error());
    }
    return std::make_unique<SqliteTransaction>(std::move(lease));
  }
  const std::vector<std::string_view>& migrations() const override { return sqlite::migrations(); }

 private:
  std::unique_ptr<sqlite::Pool> pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  auto pool = sqlite::Pool::open(path, kReaders);
  if (!pool) return std::unexpected(pool.error());
  return sql::make_sql_store(std::make_unique<SqliteEngine>(std::move(*pool)));
}

}  // namespace bdp
