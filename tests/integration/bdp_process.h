// Starts the built `bdp` binary as a child process for end-to-end tests: a fresh database
// (a SQLite file in a temp dir, or a scratch schema on the PostgreSQL of BDP_TEST_POSTGRES_URL),
// a free loopback port, and helpers to run other `bdp` subcommands on the same database.
// Test-only.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../http/http_client.h"
#include "store/postgres/scratch_schema.h"

namespace bdp::testing {

using http::testing::get_request;
using http::testing::RawResponse;
using http::testing::TestClient;

inline std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// One database for one test: SQLite or a PostgreSQL scratch schema.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& engine) {
    char pattern[] = "/tmp/bdp-it-XXXXXX";
    dir_ = mkdtemp(pattern);
    if (engine == "postgres") {
      auto schema = create_scratch_schema(std::getenv("BDP_TEST_POSTGRES_URL"));
      if (!schema) throw std::runtime_error(schema.error().message);
      schema_ = *schema;
      url_ = schema_->url;
    } else {
      url_ = "sqlite:" + (dir_ / "bdp.db").string();
    }
  }
  ~TestDatabase() {
    if (schema_) (void)drop_scratch_schema(*schema_);
    std::filesystem::remove_all(dir_);
  }
  const std::string& url() const { return url_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::string url_;
  std::optional<ScratchSchema> schema_;
};

// Runs `bdp ARGS...` to completion; returns {exit code, stdout+stderr}.
inline std::pair<int, std::string> run_bdp(const std::vector<std::string>& args,
                                           const std::filesystem::path& dir) {
  std::string command = BDP_BINARY;
  for (const auto& a : args) command += " '" + a + "'";
  const auto out = dir / "command.out";
  command += " > '" + out.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out)};
}

// A running `bdp serve`; stopped with SIGTERM in the destructor.
class BdpServer {
 public:
  // `in_child` runs in the forked child just before it becomes `bdp serve` (to set what the
  // server inherits: limits, capabilities).
  BdpServer(const TestDatabase& db, std::vector<std::string> extra = {},
            const std::function<void()>& in_child = {})
      : db_(db) {
    port_ = free_port();
    log_ = db.dir() / ("serve-" + std::to_string(port_) + ".log");
    std::vector<std::string> args = {
        BDP_BINARY, "serve", "--database", db.url(), "--port", std::to_string(port_), "--threads",
        "2", "--index", (db.dir() / ("index-" + std::to_string(port_))).string(), "--spool",
        (db.dir() / ("spool-" + std::to_string(port_))).string(),
        // Tests tell visitors apart by the address they send (as_visitor), as nginx would.
        "--trusted-proxy", "127.0.0.1"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      chdir(BDP_SOURCE_DIR);
      if (in_child) in_child();
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    for (int i = 0; i < 200; ++i) {
      if (auto r = get("/healthz"); r && r->status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "bdp serve did not become healthy:\n" << read_file(log_);
  }
  ~BdpServer() { stop(); }

  // Sends SIGTERM and waits; returns the exit code (or -1 when already stopped).
  int stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // `timeout_ms`: how long each read waits (a large upload takes the server longer to answer).
  std::optional<RawResponse> request(const std::string& raw, bool head = false,
                                     int timeout_ms = 5000) const {
    TestClient client(port_, timeout_ms);
    if (!client.connected() || !client.send(raw)) return std::nullopt;
    return client.read_response(head);
  }
  std::optional<RawResponse> get(const std::string& target, const std::string& headers = {}) const {
    return request(get_request(target, headers));
  }
  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string log() const { return read_file(log_); }

 private:
  const TestDatabase& db_;
  std::uint16_t port_ = 0;
  pid_t pid_ = 0;
  std::filesystem::path log_;
};

// The header lines of visitor `name`: its own User-Agent and its own address (X-Forwarded-For,
// trusted from loopback), since the counter takes only a few new visitors per address a day.
inline std::string as_visitor(const std::string& name) {
  const std::size_t h = std::hash<std::string>{}(name);
  return "User-Agent: " + name + "\r\nX-Forwarded-For: 10." + std::to_string((h >> 16) % 256) +
         "." + std::to_string((h >> 8) % 256) + "." + std::to_string(h % 256) + "\r\n";
}

// The engines the end-to-end tests run on: SQLite always, PostgreSQL when the test script
// started one (BDP_TEST_POSTGRES_URL).
// The visitor total `server` shows on /smup to the visitor identified by `headers` (a
// User-Agent or X-Forwarded-For line; that visitor is counted too), or -1 when none is shown.
inline long long shown_visitor_total(const BdpServer& server, const std::string& headers) {
  auto r = server.get("/smup", headers);
  std::smatch m;
  static const std::regex number("<strong>([0-9\u00a0]+)</strong>");
  if (!r || !std::regex_search(r->body, m, number)) return -1;
  std::string digits;
  for (char c : m[1].str()) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits.empty() ? -1 : std::stoll(digits);
}

// Polls `done` every 20 ms for up to `limit`; true when it held (a change other nodes, or this
// node's change follower, pick up within a bound).
template <class Done>
bool within(std::chrono::milliseconds limit, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

inline std::vector<std::string> test_engines() {
  std::vector<std::string> out = {"sqlite"};
  const char* url = std::getenv("BDP_TEST_POSTGRES_URL");
  if (url && *url) out.push_back("postgres");
  return out;
}

}  // namespace bdp::testing
