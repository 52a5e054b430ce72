// A running bdp (on the engine of the test's parameter, with the demo data) and a logged-in
// editor, for the tests of one back-office page: its forms posted with the session's token,
// the database read beside it.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "editor_client.h"
#include "store/store.h"

namespace bdp::testing {

class DeskTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = std::make_unique<TestDatabase>(GetParam());
    add_editor(*db, "redaktor@bdp.pl", "Redaktor", kEditorPassword, "editor");
    // The first start fills the empty database with the demo data (unit 1, sections 1–13).
    server = std::make_unique<BdpServer>(*db, std::vector<std::string>{"--no-access-log"});
    auto opened = open_store(db->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
    session = session_of(*server, "redaktor@bdp.pl");
  }
  void TearDown() override {
    server.reset();
    store.reset();
    db.reset();
  }
  // POSTs `body` to `target` with the session and its form token.
  RawResponse post(const std::string& target, const std::string& body) {
    auto desk = server->get("/redakcja", session);
    auto r = server->request(post_request(
        target, "csrf=" + csrf_field(desk.value_or(RawResponse{}).body) + "&" + body, session));
    EXPECT_TRUE(r.has_value());
    return r.value_or(RawResponse{});
  }
  // The actions the audit log holds about `entity` ("practice:5"), newest first.
  std::vector<std::string> audited_actions(const std::string& entity) {
    std::vector<std::string> out;
    for (const auto& e : store->audit_log("", entity, 0, 50).value_or(std::vector<AuditEntry>{})) {
      out.push_back(e.action);
    }
    return out;
  }
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<Store> store;
  std::unique_ptr<BdpServer> server;
  std::string session;
};

}  // namespace bdp::testing
