#include "web/router.h"

#include <gtest/gtest.h>

namespace bdp::web {
namespace {

using Handler = std::function<int()>;

TEST(Router, CapturesSegmentsAndAnswersHeadForGet) {
  Router<Handler> r;
  r.add(http::Method::get, "/praktyki/{ref}", [] { return 1; });
  r.add(http::Method::get, "/praktyki/{ref}/pelna-prezentacja", [] { return 2; });
  auto m = r.match(http::Method::head, "/praktyki/12-abc/pelna-prezentacja");
  auto* found = std::get_if<RouteFound<Handler>>(&m);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ((*found->handler)(), 2);
  EXPECT_EQ(found->params.at("ref"), "12-abc");
}

TEST(Router, DistinguishesNotFoundFromMethodNotAllowed) {
  Router<Handler> r;
  r.add(http::Method::get, "/", [] { return 1; });
  EXPECT_TRUE(std::holds_alternative<RouteNotFound>(r.match(http::Method::get, "/nic")));
  EXPECT_TRUE(std::holds_alternative<RouteNotFound>(r.match(http::Method::get, "")));
  auto m = r.match(http::Method::post, "/");
  auto* not_allowed = std::get_if<RouteMethodNotAllowed>(&m);
  ASSERT_NE(not_allowed, nullptr);
  EXPECT_EQ(not_allowed->allow, "GET, HEAD");
}

TEST(Router, TrailingSlashMatchesButEmptyParameterDoesNot) {
  Router<Handler> r;
  r.add(http::Method::get, "/dzialy/{slug}", [] { return 1; });
  EXPECT_TRUE(
      std::holds_alternative<RouteFound<Handler>>(r.match(http::Method::get, "/dzialy/x/")));
  EXPECT_TRUE(std::holds_alternative<RouteNotFound>(r.match(http::Method::get, "/dzialy/")));
}

}  // namespace
}  // namespace bdp::web
