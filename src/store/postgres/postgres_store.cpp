#include "store/postgres/postgres_store.h"

#include <sodium.h>

#include <utility>

#include "store/postgres/connection_pool.h"
#include "store/postgres/migrations.h"
#include "store/postgres/tables.h"
#include "store/postgres/transaction.h"
#include "store/validate.h"

namespace bdp {
namespace {

using pg::Connection;
using pg::TransactionKind;

// Enough for the web server's threads on a small machine; PostgreSQL's default allows 100.
constexpr int kConnections = 8;

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(const std::string& url) : pool_(url, pg::PoolOptions{kConnections}) {}

  // Checks that the server answers (the connection goes back to the pool for later use).
  Status connect() {
    auto lease = pool_.acquire();
    if (!lease) return std::unexpected(lease.error());
    return {};
  }

  Status migrate() override {
    auto lease = pool_.acquire();
    if (!lease) return std::unexpected(lease.error());
    return pg::migrate(**lease);
  }

  Result<std::vector<Section>> sections() override { return read(pg::read_sections); }
  Result<std::int64_t> save_section(const Section& section) override {
    return write([&](Connection& c) { return pg::write_section(c, section); });
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> section_counts() override {
    return read(pg::read_section_counts);
  }

  Result<Unit> unit(std::int64_t id) override {
    return read([&](Connection& c) { return pg::read_unit(c, id); });
  }
  Result<Unit> unit_by_slug(const std::string& slug) override {
    return read([&](Connection& c) { return pg::read_unit_by_slug(c, slug); });
  }
  Result<std::vector<Unit>> units() override { return read(pg::read_units); }
  Result<std::int64_t> save_unit(const Unit& unit) override {
    return write([&](Connection& c) { return pg::write_unit(c, unit); });
  }

  Result<Practice> practice(std::int64_t id) override {
    return read([&](Connection& c) { return pg::read_practice(c, id); });
  }
  Result<Practice> practice_by_source_key(const std::string& source_key) override {
    return read([&](Connection& c) { return pg::read_practice_by_source_key(c, source_key); });
  }
  Result<std::int64_t> save_practice(const Practice& practice) override {
    return write([&](Connection& c) { return pg::write_practice(c, practice, pg::Stamp::now); });
  }
  Status delete_practice(std::int64_t id) override {
    return write([&](Connection& c) { return pg::remove_practice(c, id); });
  }
  Result<Page<Practice>> practices_in_section(std::int64_t section_id, PracticeSort sort,
                                              PageRequest page) override {
    return read(
        [&](Connection& c) { return pg::read_practices_in_section(c, section_id, sort, page); });
  }
  Result<std::vector<Practice>> practices_of_unit(std::int64_t unit_id) override {
    return read([&](Connection& c) { return pg::read_practices_of_unit(c, unit_id); });
  }
  Result<std::vector<Practice>> all_practices() override { return read(pg::read_all_practices); }

  Result<std::vector<Change>> changes_since(std::int64_t seq, int limit) override {
    return read([&](Connection& c) { return pg::read_changes(c, seq, limit); });
  }
  Result<std::int64_t> last_change_seq() override { return read(pg::read_last_change_seq); }

  Result<VisitorTotals> record_visit(const std::string& day,
                                     const std::string& visitor_hash) override {
    return run(TransactionKind::plain_write,
               [&](Connection& c) { return pg::write_visit(c, day, visitor_hash); });
  }
  Result<VisitorTotals> visitor_totals() override { return read(pg::read_visitor_totals); }
  Status set_visitor_base(std::int64_t base) override {
    return write([&](Connection& c) { return pg::write_visitor_base(c, base); });
  }
  Result<std::string> daily_salt(const std::string& day) override {
    return run(TransactionKind::plain_write,
               [&](Connection& c) { return pg::write_daily_salt(c, day); });
  }

  Result<std::int64_t> add_editor(const Editor& editor) override {
    return plain_write([&](Connection& c) { return pg::write_editor(c, editor); });
  }
  Result<std::vector<Editor>> editors() override { return read(pg::read_editors); }
  Result<Editor> editor_by_email(const std::string& email) override {
    return read([&](Connection& c) { return pg::read_editor_by_email(c, email); });
  }
  Status set_editor_disabled(const std::string& email, bool disabled) override {
    return plain_write(
        [&](Connection& c) { return pg::write_editor_disabled(c, email, disabled); });
  }
  Status create_session(const EditorSession& session) override {
    return plain_write([&](Connection& c) { return pg::write_session(c, session); });
  }
  Result<Editor> session_editor(const std::string& token_hash, std::int64_t now) override {
    return plain_write([&](Connection& c) { return pg::read_session_editor(c, token_hash, now); });
  }
  Status delete_session(const std::string& token_hash) override {
    return plain_write([&](Connection& c) { return pg::remove_session(c, token_hash); });
  }
  Result<std::int64_t> prune_sessions(std::int64_t now) override {
    return plain_write([&](Connection& c) { return pg::prune_expired_sessions(c, now); });
  }

  Result<Dataset> dump() override { return read(dump_in); }
  Status load(const Dataset& data) override {
    return write([&](Connection& c) { return load_in(c, data); });
  }
  Result<bool> empty() override {
    return read([](Connection& c) -> Result<bool> {
      auto empty = c.exec(
          "SELECT NOT EXISTS (SELECT 1 FROM sections) AND NOT EXISTS (SELECT 1 FROM units) "
          "AND NOT EXISTS (SELECT 1 FROM practices)");
      if (!empty) return std::unexpected(empty.error());
      return empty->boolean(0, 0);
    });
  }

  Result<OperationalState> operational_state() override { return read(pg::read_operational_state); }
  Status load_operational_state(const OperationalState& state) override {
    return write([&](Connection& c) { return pg::write_operational_state(c, state); });
  }

 private:
  // Runs `body` in one read-only snapshot transaction.
  template <class Body>
  auto read(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return run(TransactionKind::read_only, body);
  }

  // Runs `body` in one write transaction holding the change-log lock; nothing is kept if it
  // fails.
  template <class Body>
  auto write(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return run(TransactionKind::logged_write, body);
  }

  // Runs `body` in one write transaction that touches no change log (editors, sessions): no
  // change-log lock, so logins never wait for an import.
  template <class Body>
  auto plain_write(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    return run(TransactionKind::plain_write, body);
  }

  // BEGIN is the first statement of the lease, so a connection that broke while idle (a server
  // restart) is re-established and BEGIN retried once (see Connection::exec).
  template <class Body>
  auto run(TransactionKind kind, Body&& body) -> decltype(body(std::declval<Connection&>())) {
    auto lease = pool_.acquire();
    if (!lease) return std::unexpected(lease.error());
    auto transaction = pg::Transaction::begin(**lease, kind);
    if (!transaction) return std::unexpected(transaction.error());
    auto result = body(transaction->conn());
    if (!result) return result;
    if (auto committed = transaction->commit(); !committed) {
      return std::unexpected(committed.error());
    }
    return result;
  }

  static Result<Dataset> dump_in(Connection& c) {
    auto sections = pg::read_sections(c);
    if (!sections) return std::unexpected(sections.error());
    auto units = pg::read_units(c);
    if (!units) return std::unexpected(units.error());
    auto practices = pg::read_all_practices(c);
    if (!practices) return std::unexpected(practices.error());
    return Dataset{std::move(*sections), std::move(*units), std::move(*practices)};
  }

  static Status load_in(Connection& c, const Dataset& data) {
    auto sections = parents_first(data.sections);
    if (!sections) return std::unexpected(sections.error());
    for (const auto& section : *sections) {
      if (auto id = pg::write_section(c, section); !id) return std::unexpected(id.error());
    }
    for (const auto& unit : data.units) {
      if (auto id = pg::write_unit(c, unit); !id) return std::unexpected(id.error());
    }
    for (const auto& practice : data.practices) {
      auto id = pg::write_practice(c, practice, pg::Stamp::keep);
      if (!id) return std::unexpected(id.error());
    }
    return {};
  }

  pg::ConnectionPool pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url) {
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  auto store = std::make_unique<PostgresStore>(url);
  if (auto connected = store->connect(); !connected) return std::unexpected(connected.error());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace bdp
