// Crash safety end to end, on both engines: `bdp import` processes, and the server itself
// during a stream of editors' writes over HTTP, killed with SIGKILL lose nothing they
// acknowledged (exit 0, a 303), leave nothing half written, and the database passes its
// integrity check (SQLite: PRAGMA integrity_check; PostgreSQL: amcheck over every index). A
// disk that fills up (RLIMIT_FSIZE) makes an import fail with a clear message and no change,
// and a write over HTTP answer 503 with the portal's page; each succeeds once there is room. A
// read-only database file still serves pages and answers writes with that page too; made
// writable again, the same server takes the write.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <linux/capability.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "editor_client.h"

namespace bdp::testing {
namespace {

using namespace std::chrono_literals;

std::string title_of(int id) {
  return "Praktyka zapisana przed awarią nr " + std::to_string(id) + " — Śrem";
}

// A dataset of one practice (`id`) in the demo unit and section, written to `path`.
void write_practice(const std::filesystem::path& path, int id, int padding = 0) {
  nlohmann::json practice = {
      {"id", id},
      {"slug", "awaria-" + std::to_string(id)},
      {"title", title_of(id)},
      {"summary", "Opis. " + std::string(static_cast<std::size_t>(padding), 'x')},
      {"entered_on", "2026-12-01"},
      {"unit_id", 1},
      {"section_ids", {3}},
      {"status", "published"}};
  nlohmann::json doc = {{"format", "bdp"},
                        {"version", 1},
                        {"sections", nlohmann::json::array()},
                        {"units", nlohmann::json::array()},
                        {"practices", {practice}}};
  std::ofstream(path) << doc.dump();
}

// Starts `bdp import --database url file` as a child; its pid. `file_limit`: RLIMIT_FSIZE.
pid_t start_import(const std::string& url, const std::filesystem::path& file,
                   rlim_t file_limit = RLIM_INFINITY) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    if (file_limit != RLIM_INFINITY) {
      const rlimit limit{file_limit, file_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
      signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
    }
    std::vector<std::string> args = {BDP_BINARY, "import", "--database", url, file.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// The database as `bdp export` writes it (discarded when it is not JSON).
nlohmann::json exported(const TestDatabase& db) {
  const auto out = db.dir() / "check.json";
  auto [code, text] = run_bdp({"export", "--database", db.url(), "-o", out.string()}, db.dir());
  EXPECT_EQ(code, 0) << text;
  return nlohmann::json::parse(read_file(out), nullptr, false);
}

// Every practice id → title in the database.
std::map<int, std::string> titles_in(const TestDatabase& db) {
  std::map<int, std::string> titles;
  const auto doc = exported(db);
  if (doc.is_discarded()) return titles;
  for (const auto& p : doc["practices"]) titles[p["id"].get<int>()] = p["title"].get<std::string>();
  return titles;
}

// Every link name → address in the database.
std::map<std::string, std::string> links_in(const TestDatabase& db) {
  std::map<std::string, std::string> links;
  const auto doc = exported(db);
  if (doc.is_discarded()) return links;
  for (const auto& l : doc["links"])
    links[l["name"].get<std::string>()] = l["url"].get<std::string>();
  return links;
}

// How many adoptions ("Zastosowaliśmy to u nas", every status) the database holds.
std::size_t adoptions_in(const TestDatabase& db) {
  const auto doc = exported(db);
  return doc.is_discarded() ? 0 : doc["adoptions"].size();
}

std::string link_url(int n) {
  return "https://baza-" + std::to_string(n) + ".example.pl/praktyki";
}

// An editor's session on `server` and the token of its forms.
struct Desk {
  std::string session;
  std::string csrf;
};
Desk desk_of(const BdpServer& server) {
  Desk desk{session_of(server, "redaktor@bdp.pl"), ""};
  auto page = server.get("/redakcja/linki", desk.session);
  EXPECT_TRUE(page && page->status == 200);
  desk.csrf = page ? csrf_field(page->body) : "";
  return desk;
}

// Posts link `n` on `server` as `desk`; the answer's status (0 without one).
int post_link(const BdpServer& server, const Desk& desk, int n) {
  const auto r =
      server.request(post_request("/redakcja/linki",
                                  "csrf=" + desk.csrf + "&nazwa=Baza+" + std::to_string(n) +
                                      "&adres=" + form_encode(link_url(n)),
                                  desk.session));
  return r ? r->status : 0;
}

// The engine's own integrity check; "ok" when it passes, else what it reported.
std::string integrity(const TestDatabase& db, const std::string& engine) {
  if (engine == "sqlite") {
    sqlite3* handle = nullptr;
    const auto path = db.dir() / "bdp.db";
    if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close(handle);
      return "cannot open";
    }
    std::string result;
    sqlite3_exec(
        handle, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) += values[0] ? values[0] : "";
          return 0;
        },
        &result, nullptr);
    sqlite3_close(handle);
    return result;
  }
  PGconn* conn = PQconnectdb(db.url().c_str());
  std::string result = "ok";
  for (const char* sql :
       {"CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public",
        "SELECT public.bt_index_check(c.oid, true) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_am a ON a.oid = c.relam WHERE n.nspname = current_schema() AND a.amname = "
        "'btree'"}) {
    PGresult* r = PQexec(conn, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
      result = PQresultErrorMessage(r);
    }
    PQclear(r);
  }
  PQfinish(conn);
  return result;
}

class Crash : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    BdpServer seed(*db, {"--no-access-log"});  // the demo data: unit 1, section 3
  }
  std::unique_ptr<TestDatabase> db;
};
INSTANTIATE_TEST_SUITE_P(Engines, Crash, ::testing::ValuesIn(test_engines()));

TEST_P(Crash, KilledImportsLoseNothingTheyAcknowledgedAndLeaveNothingHalfWritten) {
  std::mutex mutex;
  std::set<pid_t> running;
  std::set<int> acknowledged, killed;
  std::atomic<int> next_id = 1000;
  std::atomic<bool> stop = false;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      while (!stop) {
        const int id = next_id++;
        const auto file = db->dir() / ("p" + std::to_string(id) + ".json");
        write_practice(file, id);
        const pid_t pid = start_import(db->url(), file);
        {
          std::lock_guard lock(mutex);
          running.insert(pid);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        std::lock_guard lock(mutex);
        running.erase(pid);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) acknowledged.insert(id);
        if (WIFSIGNALED(status)) killed.insert(id);
      }
      (void)w;
    });
  }
  std::mt19937 random(42);
  const auto until = std::chrono::steady_clock::now() + 4s;
  while (std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10 + random() % 40));
    std::lock_guard lock(mutex);
    if (running.empty()) continue;
    auto it = running.begin();
    std::advance(it, random() % running.size());
    ::kill(*it, SIGKILL);
  }
  stop = true;
  for (auto& t : writers) t.join();

  ASSERT_GT(acknowledged.size(), 5u);
  ASSERT_GT(killed.size(), 5u) << "the killer must have hit imports in flight";
  EXPECT_EQ(integrity(*db, GetParam()), "ok");
  const auto titles = titles_in(*db);
  for (int id : acknowledged) {
    ASSERT_TRUE(titles.contains(id)) << "acknowledged practice " << id << " is lost";
    EXPECT_EQ(titles.at(id), title_of(id));
  }
  for (int id : killed) {
    if (titles.contains(id)) {
      EXPECT_EQ(titles.at(id), title_of(id)) << "half written: " << id;
    }
  }
  // And the portal serves from the database after the crashes.
  BdpServer after(*db, {"--no-access-log"});
  const int id = *acknowledged.begin();
  const auto r = after.get("/praktyki/" + std::to_string(id) + "-awaria-" + std::to_string(id));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_P(Crash, AServerKilledDuringWritesLosesNothingItAcknowledged) {
  add_editor(*db, "redaktor@bdp.pl", "Redaktor");
  std::set<int> acknowledged, unanswered;
  std::atomic<int> next = 1;
  for (int round = 0; round < 3; ++round) {
    BdpServer server(*db, {"--no-access-log"});
    const Desk desk = desk_of(server);
    std::mutex mutex;
    std::atomic<bool> stop = false;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&] {
        while (!stop) {
          const int n = next++;
          const int status = post_link(server, desk, n);
          std::lock_guard lock(mutex);
          (status == 303 ? acknowledged : unanswered).insert(n);
          if (status != 303 && status != 0) ADD_FAILURE() << "link " << n << " answered " << status;
          if (status == 0) return;  // the server is gone
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700 + 300 * round));
    ::kill(server.pid(), SIGKILL);
    stop = true;
    for (auto& t : writers) t.join();
    server.stop();
  }
  ASSERT_GT(acknowledged.size(), 20u);
  EXPECT_EQ(integrity(*db, GetParam()), "ok");
  const auto links = links_in(*db);
  for (int n : acknowledged) {
    const auto name = "Baza " + std::to_string(n);
    ASSERT_TRUE(links.contains(name)) << "acknowledged link " << n << " is lost";
    EXPECT_EQ(links.at(name), link_url(n));
  }
  for (int n : unanswered) {
    const auto name = "Baza " + std::to_string(n);
    if (links.contains(name)) {
      EXPECT_EQ(links.at(name), link_url(n)) << "half written: " << n;
    }
  }
  BdpServer after(*db, {"--no-access-log"});
  const auto page = after.get("/inne-bazy");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find(link_url(*acknowledged.rbegin())), std::string::npos);
}

TEST_P(Crash, AFullDiskAnswersAWriteWithTheUnavailablePageAndItSucceedsOnceThereIsRoom) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "the file limit applies to the SQLite file only";
  add_editor(*db, "redaktor@bdp.pl", "Redaktor");
  BdpServer server(*db, {"--no-access-log"});
  const Desk desk = desk_of(server);
  ASSERT_EQ(post_link(server, desk, 1), 303);
  // An empty write-ahead log that may not grow: the next write finds the disk full.
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open((db->dir() / "bdp.db").c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  const rlimit full{0, RLIM_INFINITY};
  ASSERT_EQ(prlimit(server.pid(), RLIMIT_FSIZE, &full, nullptr), 0);
  const auto refused = server.request(post_request(
      "/redakcja/linki", "csrf=" + desk.csrf + "&nazwa=Baza+2&adres=" + form_encode(link_url(2)),
      desk.session));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_NE(refused->body.find("<html lang=\"pl\""), std::string::npos) << "the portal's page";
  EXPECT_TRUE(refused->header("retry-after").has_value());
  EXPECT_EQ(refused->body.find("disk"), std::string::npos) << "no engine message for the client";
  const auto reading = server.get("/inne-bazy");
  ASSERT_TRUE(reading);
  EXPECT_EQ(reading->status, 200) << "reading goes on while the disk is full";
  const rlimit room{RLIM_INFINITY, RLIM_INFINITY};
  ASSERT_EQ(prlimit(server.pid(), RLIMIT_FSIZE, &room, nullptr), 0);
  EXPECT_EQ(post_link(server, desk, 3), 303);
  server.stop();
  EXPECT_EQ(integrity(*db, GetParam()), "ok");
  const auto links = links_in(*db);
  EXPECT_TRUE(links.contains("Baza 1"));
  EXPECT_FALSE(links.contains("Baza 2"));
  EXPECT_TRUE(links.contains("Baza 3"));
}

// What a child becomes in the read-only test: without the capability that lets root write a
// file whatever its mode (dropped from the bounding set, so the exec'd server lacks it too). A
// test run without root has no such capability to drop.
void without_dac_override() {
  prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
}

// True when a program started without_dac_override() may not write `file` (mode 0444): `test
// -w` answers 1.
bool write_protection_holds(const std::filesystem::path& file) {
  const pid_t pid = fork();
  if (pid == 0) {
    without_dac_override();
    execl("/usr/bin/test", "test", "-w", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

TEST_P(Crash, AReadOnlyDatabaseServesPagesAnswersWritesWithTheUnavailablePageAndRecovers) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "a database file of its own is SQLite's";
  const auto file = db->dir() / "bdp.db";
  std::filesystem::permissions(file, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  if (!write_protection_holds(file)) {
    GTEST_SKIP() << "this process may write a read-only file whatever it drops";
  }
  const std::string form =
      "jednostka=Ko%C5%9Bciany&typ=gmina+wiejska&wojewodztwo=opolskie&sposob=adapted&rok=2022"
      "&zmiany=Klub+w+szkole.&osoba=Anna+Nowak&email=anna%40kosciany.example.pl";
  BdpServer server(*db, {"--no-access-log"}, without_dac_override);
  const auto home = server.get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200) << "a read-only database still serves its pages";
  const auto refused = server.request(post_request("/praktyki/1/zastosowalismy", form));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_NE(refused->body.find("<html lang=\"pl\""), std::string::npos) << "the portal's page";
  EXPECT_TRUE(refused->header("retry-after").has_value());
  EXPECT_EQ(refused->body.find("readonly"), std::string::npos)
      << "no engine message for the client";
  // Writable again: the file and the log files SQLite made beside it with the file's mode.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const auto f = file.string() + suffix;
    if (std::filesystem::exists(f)) {
      std::filesystem::permissions(f, std::filesystem::perms::owner_write,
                                   std::filesystem::perm_options::add);
    }
  }
  const auto sent = server.request(post_request("/praktyki/1/zastosowalismy", form));
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->status, 303) << "writable again, the same server takes the same form";
  const auto desk = server.get("/redakcja/logowanie");
  ASSERT_TRUE(desk);
  EXPECT_EQ(desk->status, 200) << "and reads on after the write";
  server.stop();
  EXPECT_EQ(integrity(*db, GetParam()), "ok");
  EXPECT_EQ(adoptions_in(*db), 1U) << "the one write taken is there, the refused one is not";
}

TEST_P(Crash, AFullDiskFailsTheImportCleanlyAndItSucceedsOnceThereIsRoom) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "the file limit applies to the SQLite file only";
  const auto before = titles_in(*db);
  const auto file = db->dir() / "big.json";
  write_practice(file, 4242, 900 << 10);  // a 900 KiB summary: past the limit below
  const auto size = std::filesystem::file_size(db->dir() / "bdp.db");
  int status = 0;
  waitpid(start_import(db->url(), file, size + (256 << 10)), &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 0) << "a full disk is a failure, not a success";
  EXPECT_EQ(integrity(*db, GetParam()), "ok");
  EXPECT_EQ(titles_in(*db), before) << "nothing of the failed import is there";
  auto [code, out] = run_bdp({"import", "--database", db->url(), file.string()}, db->dir());
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(titles_in(*db).at(4242), title_of(4242));
}

}  // namespace
}  // namespace bdp::testing
