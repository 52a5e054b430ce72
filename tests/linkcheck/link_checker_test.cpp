// check_links over a fake prober: every link's result recorded at the clock's time, broken ones
// counted, a link deleted during the run skipped, a store that fails reported as an error.
#include "linkcheck/link_checker.h"

#include <gtest/gtest.h>

#include <map>

#include "../support/failing_store.h"

namespace bdp::linkcheck {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

class LinkCheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_store("sqlite::memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
    ASSERT_TRUE(store->migrate());
  }
  std::int64_t add(const std::string& name, const std::string& url) {
    Link l;
    l.name = name;
    l.url = url;
    auto id = store->save_link(l);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }
  std::unique_ptr<Store> store;
};

TEST_F(LinkCheckerTest, RecordsEveryResultAndCountsTheBrokenOnes) {
  const std::map<std::string, Probe> answers = {{"https://a.example.pl/", {200, ""}},
                                                {"https://b.example.pl/", {404, "HTTP 404"}},
                                                {"https://c.example.pl/", {0, "timeout"}}};
  const auto a = add("A", "https://a.example.pl/");
  const auto b = add("B", "https://b.example.pl/");
  const auto c = add("C", "https://c.example.pl/");
  std::vector<std::string> asked;
  auto report = check_links(
      *store,
      [&](const std::string& url) {
        asked.push_back(url);
        return answers.at(url);
      },
      [] { return kNow; });
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(asked.size(), 3u);
  EXPECT_EQ(report->links.size(), 3u);
  EXPECT_EQ(report->broken, 2);
  EXPECT_EQ(store->link(a)->last_status, 200);
  EXPECT_FALSE(link_broken(*store->link(a)));
  EXPECT_EQ(store->link(b)->last_error, "HTTP 404");
  EXPECT_TRUE(link_broken(*store->link(b)));
  EXPECT_EQ(store->link(c)->checked_at, kNow);
  EXPECT_TRUE(link_broken(*store->link(c)));
}

TEST_F(LinkCheckerTest, ALinkDeletedDuringTheRunIsSkipped) {
  const auto a = add("A", "https://a.example.pl/");
  add("B", "https://b.example.pl/");
  auto report = check_links(
      *store,
      [&](const std::string& url) {
        if (url == "https://a.example.pl/") {
          EXPECT_TRUE(store->delete_link(a));
        }
        return Probe{200, ""};
      },
      [] { return kNow; });
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->links.size(), 1u);
  EXPECT_EQ(report->links.front().link.name, "B");
}

TEST_F(LinkCheckerTest, AStoreThatFailsIsAnError) {
  add("A", "https://a.example.pl/");
  bdp::testing::FailingStore failing(*store);
  failing.fail_with(Error{ErrorKind::unavailable, "the database went away"});
  auto report = check_links(
      failing,
      [](const std::string&) {
        return Probe{200, ""};
      },
      [] { return kNow; });
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace bdp::linkcheck
