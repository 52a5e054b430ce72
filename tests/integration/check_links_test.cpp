// `bdp check-links` end to end: a real HTTP server on loopback (link_server.py) answering 200,
// 404, a redirect chain, a redirect loop, a redirect to ftp://, a HEAD-refusing 405 that works
// with GET, and a slow page; each link's recorded status and broken flag, the report, the exit
// code — on every engine.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "bdp_process.h"
#include "store/store.h"

namespace bdp::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

// The server of link_server.py, stopped in the destructor.
class LinkServer {
 public:
  explicit LinkServer(const std::filesystem::path& dir) : dir_(dir / "links"), port_(free_port()) {
    std::filesystem::create_directories(dir_);
    pid_ = fork();
    if (pid_ == 0) {
      const std::string script = std::string(BDP_SOURCE_DIR) + "/tests/integration/link_server.py";
      const std::string port = std::to_string(port_);
      execl(kPython, kPython, script.c_str(), dir_.c_str(), port.c_str(), nullptr);
      _exit(127);
    }
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_ / "ready"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(std::filesystem::exists(dir_ / "ready")) << "the link server did not start";
  }
  ~LinkServer() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  std::filesystem::path dir_;
  std::uint16_t port_;
  pid_t pid_ = 0;
};

class CheckLinks : public ::testing::TestWithParam<std::string> {
 protected:
  CheckLinks() : db_(GetParam()) {
    auto opened = open_store(db_.url());
    if (!opened) throw std::runtime_error(opened.error().message);
    store_ = std::move(*opened);
    if (auto migrated = store_->migrate(); !migrated) {
      throw std::runtime_error(migrated.error().message);
    }
  }
  void add(const std::string& name, const std::string& url) {
    Link l;
    l.name = name;
    l.url = url;
    auto id = store_->save_link(l);
    ASSERT_TRUE(id) << id.error().message;
  }
  std::map<std::string, Link> by_name() {
    std::map<std::string, Link> out;
    auto links = store_->links();
    EXPECT_TRUE(links) << links.error().message;
    for (auto& l : links.value_or(std::vector<Link>{})) out[l.name] = l;
    return out;
  }

  TestDatabase db_;
  std::unique_ptr<Store> store_;
};
INSTANTIATE_TEST_SUITE_P(Engines, CheckLinks, ::testing::ValuesIn(test_engines()));

TEST_P(CheckLinks, RecordsEachLinksStatusAndWhetherItIsBroken) {
  LinkServer server(db_.dir());
  add("ok", server.url("/ok"));
  add("missing", server.url("/missing"));
  add("chain", server.url("/redirect/3"));       // 4 redirects: within the limit of 5
  add("long chain", server.url("/redirect/5"));  // 6 redirects: one too many
  add("loop", server.url("/loop"));
  add("to ftp", server.url("/to-ftp"));
  add("no head", server.url("/no-head"));
  add("slow", server.url("/slow"));
  add("agent", server.url("/agent"));
  add("closed port", "http://127.0.0.1:" + std::to_string(free_port()) + "/");

  const auto before = std::chrono::system_clock::now();
  auto [code, out] =
      run_bdp({"check-links", "--database", db_.url(), "--timeout", "1", "--connect-timeout", "1"},
              db_.dir());
  EXPECT_EQ(code, 0) << out;  // broken links are a report, not a failure
  EXPECT_LT(std::chrono::system_clock::now() - before, std::chrono::seconds(15))
      << "the slow page is cut by the timeout";
  EXPECT_NE(out.find("checked 10 links: 4 working, 6 broken"), std::string::npos) << out;

  auto links = by_name();
  const auto expect = [&](const std::string& name, int status, bool broken) {
    const Link& l = links[name];
    EXPECT_EQ(l.last_status, status) << name << ": " << l.last_error;
    EXPECT_EQ(link_broken(l), broken) << name;
    EXPECT_GT(l.checked_at, 0) << name;
  };
  expect("ok", 200, false);
  expect("missing", 404, true);
  expect("chain", 200, false);
  expect("long chain", 0, true);
  expect("loop", 0, true);
  expect("to ftp", 0, true);
  expect("no head", 200, false);
  expect("slow", 0, true);
  expect("agent", 200, false);
  expect("closed port", 0, true);
  EXPECT_EQ(links["missing"].last_error, "HTTP 404");
  EXPECT_FALSE(links["slow"].last_error.empty());
  EXPECT_TRUE(links["ok"].last_error.empty());
  EXPECT_NE(out.find("BROKEN 404 missing"), std::string::npos) << out;
}

TEST_P(CheckLinks, WithNoLinksItSaysSoAndAStoreErrorFails) {
  auto [code, out] = run_bdp({"check-links", "--database", db_.url()}, db_.dir());
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("checked 0 links"), std::string::npos) << out;
  auto [bad, message] =
      run_bdp({"check-links", "--database", "sqlite:" + (db_.dir() / "no-dir" / "x.db").string()},
              db_.dir());
  EXPECT_NE(bad, 0) << message;
}

}  // namespace
}  // namespace bdp::testing
