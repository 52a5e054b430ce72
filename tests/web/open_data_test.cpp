// OpenData's builds: on a thread of their own, into a folder, renamed into place whole; a
// request gets the last complete build (waiting only for the first), a failed build keeps the
// one before; the files answer with their ETag, large ones streamed with Range.
#include "web/open_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

#include "../store/samples.h"
#include "http/finalize.h"
#include "opendata/digest.h"
#include "store/store.h"
#include "web/open_data_routes.h"

namespace bdp::web {
namespace {

// A builder that writes "build <n>" into a.txt and blocks while `held` is set; fails while
// `failing` is set.
struct Gate {
  std::mutex mutex;
  std::condition_variable released;
  bool held = false;
  bool failing = false;
  int builds = 0;    // successful ones
  int attempts = 0;  // failed ones too

  OpenDataBuilder builder() {
    return [this](Store&, const opendata::RecordContext&, OpenDataWriter& out) -> Status {
      std::unique_lock lock(mutex);
      released.wait(lock, [this] { return !held; });
      ++attempts;
      if (failing) return fail(ErrorKind::unavailable, "the disk is full");
      auto written = out.add("a.txt", "build " + std::to_string(++builds), "text/plain");
      if (!written) return std::unexpected(written.error());
      return {};
    };
  }
  void hold(bool on) {
    {
      std::lock_guard lock(mutex);
      held = on;
    }
    released.notify_all();
  }
};

class OpenDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_store("sqlite::memory:");
    ASSERT_TRUE(opened);
    store = std::move(*opened);
    ASSERT_TRUE(store->migrate());
    folder = std::filesystem::temp_directory_path() /
             ("bdp-open-data-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
  }
  void TearDown() override {
    gate.hold(false);  // a failed assertion must not leave the worker blocked in a build
    data.reset();
    std::filesystem::remove_all(folder);
  }
  // The text of a.txt from the last complete build, "" when there is none yet.
  std::string served() {
    auto file = data->file("g", "a.txt");
    if (!file) return "";
    std::ifstream in(file->path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // Waits up to 5 s for served() to be `text`.
  bool eventually_served(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (served() != text && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return served() == text;
  }
  // Moves the change log: a new unit.
  // Makes the OpenData over `folder` with the gate's group, started.
  void start_data() {
    data = std::make_unique<OpenData>(*store, config, folder);
    data->add_group("g", gate.builder());
    ASSERT_TRUE(data->start());
  }
  // Waits up to 5 s for the gate to have been tried `n` times.
  bool eventually_attempted(int n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    for (;;) {
      {
        std::lock_guard lock(gate.mutex);
        if (gate.attempts >= n) return true;
      }
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  void change() {
    ASSERT_TRUE(store->save_unit(testing::sample_unit("unit-" + std::to_string(++changes))));
  }

  std::unique_ptr<Store> store;
  SiteConfig config;
  std::filesystem::path folder;
  std::unique_ptr<OpenData> data;
  Gate gate;
  int changes = 0;
};

TEST_F(OpenDataTest, TheFolderIsEmptiedAtStartAndHoldsOneFolderPerBuild) {
  std::filesystem::create_directories(folder / "left-by-a-crash.partial");
  start_data();
  ASSERT_TRUE(eventually_served("build 1"));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"g-1"});
  auto file = data->file("g", "a.txt");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->path, folder / "g-1" / "a.txt");
  EXPECT_EQ(file->size, 7U);
  EXPECT_EQ(file->sha256, opendata::sha256_hex("build 1"));
  EXPECT_EQ(file->etag, "\"" + opendata::sha256_hex("build 1").substr(0, 32) + "\"");
  EXPECT_EQ(data->file("g", "b.txt").error().kind, ErrorKind::not_found);
  EXPECT_EQ(data->file("h", "a.txt").error().kind, ErrorKind::not_found);
}

TEST_F(OpenDataTest, BeforeTheFirstBuildARequestWaitsThenIsTurnedAway) {
  gate.hold(true);
  data = std::make_unique<OpenData>(*store, config, folder);
  data->first_build_wait = std::chrono::milliseconds(50);
  data->add_group("g", gate.builder());
  ASSERT_TRUE(data->start());
  auto early = data->file("g", "a.txt");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().kind, ErrorKind::unavailable);
  gate.hold(false);
  EXPECT_TRUE(eventually_served("build 1"));
}

TEST_F(OpenDataTest, WhileARebuildRunsTheLastCompleteBuildIsServed) {
  start_data();
  ASSERT_TRUE(eventually_served("build 1"));
  gate.hold(true);
  change();
  data->changed();
  // The rebuild is under way (blocked): requests get build 1 at once, complete.
  const auto asked = std::chrono::steady_clock::now();
  EXPECT_EQ(served(), "build 1");
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(500));
  gate.hold(false);
  EXPECT_TRUE(eventually_served("build 2"));
  // A wake-up that finds the change log where it was builds nothing; a change after it does.
  data->changed();
  change();
  data->changed();
  EXPECT_TRUE(eventually_served("build 3"));
  std::lock_guard lock(gate.mutex);
  EXPECT_EQ(gate.attempts, 3);
}

TEST_F(OpenDataTest, TheBuildBeforeTheLastIsRemovedByTheNext) {
  start_data();
  ASSERT_TRUE(eventually_served("build 1"));
  for (int n = 2; n <= 3; ++n) {
    change();
    data->changed();
    ASSERT_TRUE(eventually_served("build " + std::to_string(n)));
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"g-2", "g-3"}));
}

TEST_F(OpenDataTest, ATemporaryFolderGoesWithIt) {
  data = std::make_unique<OpenData>(*store, config, "");
  data->add_group("g", gate.builder());
  ASSERT_TRUE(data->start());
  ASSERT_TRUE(eventually_served("build 1"));
  const auto made = data->file("g", "a.txt")->path.parent_path().parent_path();
  EXPECT_TRUE(std::filesystem::exists(made));
  data.reset();
  EXPECT_FALSE(std::filesystem::exists(made));
}

TEST_F(OpenDataTest, AFailedBuildKeepsTheOneBefore) {
  start_data();
  ASSERT_TRUE(eventually_served("build 1"));
  {
    std::lock_guard lock(gate.mutex);
    gate.failing = true;
  }
  change();
  data->changed();
  ASSERT_TRUE(eventually_attempted(2));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // past the cleanup after it
  EXPECT_EQ(served(), "build 1");
  EXPECT_FALSE(std::filesystem::exists(folder / "g-2.partial"));  // nothing half-written left
  {
    std::lock_guard lock(gate.mutex);
    gate.failing = false;
  }
  change();
  data->changed();
  EXPECT_TRUE(eventually_served("build 2"));
}

TEST_F(OpenDataTest, ALargeFileIsStreamedWithRanges) {
  const auto path = folder / "big.csv";
  std::filesystem::create_directories(folder);
  const std::string bytes(3 << 20, 'x');
  std::ofstream(path, std::ios::binary) << bytes;
  const OpenDataFile file{path, bytes.size(), "text/csv", "", "\"e\""};
  http::Request request;
  request.method = http::Method::get;
  request.headers = {{"range", "bytes=10-19"}};
  auto ranged = open_data_response(request, file, 60);
  ASSERT_TRUE(ranged);
  EXPECT_EQ(ranged->status, 206);
  EXPECT_EQ(ranged->header("content-range").value_or(""), "bytes 10-19/3145728");
  ASSERT_TRUE(ranged->stream);
  EXPECT_EQ(ranged->body_size(), 10U);
  EXPECT_EQ(ranged->stream->next(100).value_or(""), "xxxxxxxxxx");
  request.headers = {};
  auto whole = open_data_response(request, file, 60);
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->status, 200);
  EXPECT_EQ(whole->body_size(), bytes.size());
  EXPECT_FALSE(whole->compressible);
  EXPECT_EQ(whole->header("etag").value_or(""), "\"e\"");
  EXPECT_EQ(whole->header("cache-control").value_or(""), "public, max-age=60");
  // A conditional GET of the same ETag is a 304 with no body.
  request.headers = {{"if-none-match", "\"e\""}};
  auto again = open_data_response(request, file, 60);
  ASSERT_TRUE(again);
  http::finalize_response(request, *again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(again->body_size(), 0U);
  std::filesystem::remove(path);
  EXPECT_EQ(open_data_response(request, file, 60).error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace bdp::web
