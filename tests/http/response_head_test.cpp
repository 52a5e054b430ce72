#include "http/response_head.h"

#include <gtest/gtest.h>

namespace bdp::http {
namespace {

constexpr std::string_view kDate = "Sun, 06 Nov 1994 08:49:37 GMT";

std::string head_of(const Response& r, HeadInfo info) {
  std::string out;
  append_response_head(out, r, info);
  return out;
}

TEST(ResponseHead, WritesStatusDateServerLengthAndFields) {
  auto r = text_response(404, "nope");
  EXPECT_EQ(head_of(r, {11, true, 4, kDate}),
            "HTTP/1.1 404 Not Found\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: bdp\r\n"
            "Content-Length: 4\r\ncontent-type: text/plain; charset=utf-8\r\n\r\n");
}

TEST(ResponseHead, SaysConnectionCloseWhenNotKeepingAlive) {
  const auto head = head_of(text_response(200, ""), {11, false, 0, kDate});
  EXPECT_NE(head.find("\r\nConnection: close\r\n"), std::string::npos);
}

TEST(ResponseHead, Http10KeepAliveIsExplicit) {
  const auto head = head_of(text_response(200, ""), {10, true, 0, kDate});
  EXPECT_TRUE(head.starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(head.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
}

TEST(ResponseHead, NoContentLengthFor304And204) {
  Response r;
  r.status = 304;
  EXPECT_EQ(head_of(r, {11, true, 0, kDate}).find("Content-Length"), std::string::npos);
  r.status = 204;
  EXPECT_EQ(head_of(r, {11, true, 0, kDate}).find("Content-Length"), std::string::npos);
}

TEST(ResponseHead, SkipsFieldsTheServerOwns) {
  Response r;
  r.headers = {{"Content-Length", "999"},
               {"date", "x"},
               {"Server", "evil"},
               {"connection", "close"},
               {"x-kept", "yes"}};
  const auto head = head_of(r, {11, true, 3, kDate});
  EXPECT_EQ(head.find("999"), std::string::npos);
  EXPECT_EQ(head.find("evil"), std::string::npos);
  EXPECT_EQ(head.find("Connection"), std::string::npos);
  EXPECT_NE(head.find("\r\nx-kept: yes\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nContent-Length: 3\r\n"), std::string::npos);
}

TEST(ResponseHead, UnknownStatusHasAGenericReason) {
  EXPECT_EQ(reason_phrase(299), "Unknown");
  EXPECT_EQ(reason_phrase(431), "Request Header Fields Too Large");
}

TEST(IsValidField, RejectsHeaderInjection) {
  EXPECT_TRUE(is_valid_field("x-ok", "a value; with=stuff"));
  EXPECT_FALSE(is_valid_field("x-bad", "a\r\nSet-Cookie: x"));
  EXPECT_FALSE(is_valid_field("x-bad", "a\nb"));
  EXPECT_FALSE(is_valid_field("x-bad", std::string_view("a\0b", 3)));
  EXPECT_FALSE(is_valid_field("bad name", "v"));
  EXPECT_FALSE(is_valid_field("bad:name", "v"));
  EXPECT_FALSE(is_valid_field("", "v"));
}

}  // namespace
}  // namespace bdp::http
