#include "store/sqlite/sqlite_store.h"

#include <sodium.h>

#include <utility>

#include "store/sqlite/migrations.h"
#include "store/sqlite/pool.h"
#include "store/sqlite/tables.h"
#include "store/sqlite/transaction.h"
#include "store/validate.h"

namespace bdp {
namespace {

using sqlite::Connection;
using sqlite::Transaction;

// Enough readers for the web server's threads on a small machine; more only wait on the disk.
constexpr int kReaders = 4;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<sqlite::Pool> pool) : pool_(std::move(pool)) {}

  Status migrate() override {
    auto writer = pool_->write();
    return sqlite::migrate(*writer);
  }

  Result<std::vector<Section>> sections() override { return read(sqlite::read_sections); }
  Result<std::int64_t> save_section(const Section& section) override {
    return write([&](Connection& c) { return sqlite::write_section(c, section); });
  }
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> section_counts() override {
    return read(sqlite::read_section_counts);
  }

  Result<Unit> unit(std::int64_t id) override {
    return read([&](Connection& c) { return sqlite::read_unit(c, id); });
  }
  Result<Unit> unit_by_slug(const std::string& slug) override {
    return read([&](Connection& c) { return sqlite::read_unit_by_slug(c, slug); });
  }
  Result<std::vector<Unit>> units() override { return read(sqlite::read_units); }
  Result<std::int64_t> save_unit(const Unit& unit) override {
    return write([&](Connection& c) { return sqlite::write_unit(c, unit); });
  }

  Result<Practice> practice(std::int64_t id) override {
    return read([&](Connection& c) { return sqlite::read_practice(c, id); });
  }
  Result<Practice> practice_by_source_key(const std::string& source_key) override {
    return read([&](Connection& c) { return sqlite::read_practice_by_source_key(c, source_key); });
  }
  Result<std::int64_t> save_practice(const Practice& practice) override {
    return write(
        [&](Connection& c) { return sqlite::write_practice(c, practice, sqlite::Stamp::now); });
  }
  Status delete_practice(std::int64_t id) override {
    return write([&](Connection& c) { return sqlite::remove_practice(c, id); });
  }
  Result<Page<Practice>> practices_in_section(std::int64_t section_id, PracticeSort sort,
                                              PageRequest page) override {
    return read([&](Connection& c) {
      return sqlite::read_practices_in_section(c, section_id, sort, page);
    });
  }
  Result<std::vector<Practice>> practices_of_unit(std::int64_t unit_id) override {
    return read([&](Connection& c) { return sqlite::read_practices_of_unit(c, unit_id); });
  }
  Result<std::vector<Practice>> all_practices() override {
    return read(sqlite::read_all_practices);
  }

  Result<std::vector<Change>> changes_since(std::int64_t seq, int limit) override {
    return read([&](Connection& c) { return sqlite::read_changes(c, seq, limit); });
  }
  Result<std::int64_t> last_change_seq() override { return read(sqlite::read_last_change_seq); }

  Result<VisitorTotals> record_visit(const std::string& day,
                                     const std::string& visitor_hash) override {
    return write([&](Connection& c) { return sqlite::write_visit(c, day, visitor_hash); });
  }
  Result<VisitorTotals> visitor_totals() override { return read(sqlite::read_visitor_totals); }
  Status set_visitor_base(std::int64_t base) override {
    return write([&](Connection& c) { return sqlite::write_visitor_base(c, base); });
  }
  Result<std::string> daily_salt(const std::string& day) override {
    return write([&](Connection& c) { return sqlite::write_daily_salt(c, day); });
  }

  Result<std::int64_t> add_editor(const Editor& editor) override {
    return write([&](Connection& c) { return sqlite::write_editor(c, editor); });
  }
  Result<std::vector<Editor>> editors() override { return read(sqlite::read_editors); }
  Result<Editor> editor_by_email(const std::string& email) override {
    return read([&](Connection& c) { return sqlite::read_editor_by_email(c, email); });
  }
  Status set_editor_disabled(const std::string& email, bool disabled) override {
    return write([&](Connection& c) { return sqlite::write_editor_disabled(c, email, disabled); });
  }
  Status create_session(const EditorSession& session) override {
    return write([&](Connection& c) { return sqlite::write_session(c, session); });
  }
  Result<Editor> session_editor(const std::string& token_hash, std::int64_t now) override {
    return write([&](Connection& c) { return sqlite::read_session_editor(c, token_hash, now); });
  }
  Status delete_session(const std::string& token_hash) override {
    return write([&](Connection& c) { return sqlite::remove_session(c, token_hash); });
  }
  Result<std::int64_t> prune_sessions(std::int64_t now) override {
    return write([&](Connection& c) { return sqlite::prune_expired_sessions(c, now); });
  }

  Result<Dataset> dump() override { return read(dump_in); }
  Status load(const Dataset& data) override {
    return write([&](Connection& c) { return load_in(c, data); });
  }
  Result<bool> empty() override {
    return read([](Connection& c) -> Result<bool> {
      auto empty = c.single_integer(
          "SELECT NOT EXISTS (SELECT 1 FROM sections) AND NOT EXISTS (SELECT 1 FROM units) "
          "AND NOT EXISTS (SELECT 1 FROM practices)");
      if (!empty) return std::unexpected(empty.error());
      return *empty != 0;
    });
  }

  Result<OperationalState> operational_state() override {
    return read(sqlite::read_operational_state);
  }
  Status load_operational_state(const OperationalState& state) override {
    return write([&](Connection& c) { return sqlite::write_operational_state(c, state); });
  }

 private:
  // Runs `body` on a reader inside one read transaction (one consistent snapshot).
  template <class Body>
  auto read(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    auto connection = pool_->read();
    return in_transaction(*connection, Transaction::Mode::read, body);
  }

  // Runs `body` on the writer inside one write transaction; nothing is kept if it fails.
  template <class Body>
  auto write(Body&& body) -> decltype(body(std::declval<Connection&>())) {
    auto connection = pool_->write();
    return in_transaction(*connection, Transaction::Mode::write, body);
  }

  template <class Body>
  static auto in_transaction(Connection& c, Transaction::Mode mode, Body& body)
      -> decltype(body(c)) {
    auto transaction = Transaction::begin(c, mode);
    if (!transaction) return std::unexpected(transaction.error());
    auto result = body(c);
    if (!result) return result;
    if (auto committed = transaction->commit(); !committed) {
      return std::unexpected(committed.error());
    }
    return result;
  }

  static Result<Dataset> dump_in(Connection& c) {
    Dataset data;
    auto sections = sqlite::read_sections(c);
    if (!sections) return std::unexpected(sections.error());
    auto units = sqlite::read_units(c);
    if (!units) return std::unexpected(units.error());
    auto practices = sqlite::read_all_practices(c);
    if (!practices) return std::unexpected(practices.error());
    return Dataset{std::move(*sections), std::move(*units), std::move(*practices)};
  }

  static Status load_in(Connection& c, const Dataset& data) {
    auto sections = parents_first(data.sections);
    if (!sections) return std::unexpected(sections.error());
    for (const auto& section : *sections) {
      if (auto id = sqlite::write_section(c, section); !id) return std::unexpected(id.error());
    }
    for (const auto& unit : data.units) {
      if (auto id = sqlite::write_unit(c, unit); !id) return std::unexpected(id.error());
    }
    for (const auto& practice : data.practices) {
      auto id = sqlite::write_practice(c, practice, sqlite::Stamp::keep);
      if (!id) return std::unexpected(id.error());
    }
    return {};
  }

  std::unique_ptr<sqlite::Pool> pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  if (sodium_init() < 0) return fail(ErrorKind::internal, "libsodium cannot initialise");
  auto pool = sqlite::Pool::open(path, kReaders);
  if (!pool) return std::unexpected(pool.error());
  return std::make_unique<SqliteStore>(std::move(*pool));
}

}  // namespace bdp
