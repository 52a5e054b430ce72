#include "web/error_boundary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace bdp::web {
namespace {

constexpr ErrorKind kKinds[] = {ErrorKind::invalid_input, ErrorKind::not_found,
                                ErrorKind::conflict,      ErrorKind::forbidden,
                                ErrorKind::unavailable,   ErrorKind::too_many_requests,
                                ErrorKind::internal};
const std::string kInternal =
    "SELECT password_hash FROM editors; /var/lib/bdp/bdp.db: Xapian::DatabaseCorruptError";

// A page renderer that shows what it is given, so the test sees what reaches the page.
std::string echo_page(const PublicError& e) {
  return "<h1>" + e.title + "</h1><p>" + e.detail + "</p>";
}

TEST(ErrorBoundary, OneStatusPerKind) {
  EXPECT_EQ(http_status_for(ErrorKind::invalid_input), 400);
  EXPECT_EQ(http_status_for(ErrorKind::not_found), 404);
  EXPECT_EQ(http_status_for(ErrorKind::conflict), 409);
  EXPECT_EQ(http_status_for(ErrorKind::forbidden), 403);
  EXPECT_EQ(http_status_for(ErrorKind::unavailable), 503);
  EXPECT_EQ(http_status_for(ErrorKind::too_many_requests), 429);
  EXPECT_EQ(http_status_for(ErrorKind::internal), 500);
}

TEST(ErrorBoundary, NoKindInNoFormatOrLanguageLetsTheInternalMessageOut) {
  for (const auto kind : kKinds) {
    for (const auto format : {ErrorFormat::html, ErrorFormat::problem_json}) {
      for (const auto lang : {i18n::Lang::pl, i18n::Lang::en}) {
        const Error error{kind, kInternal};
        const auto r = error_response(error, format, lang, "/x?q=1", echo_page);
        const auto pub = public_error(error, lang);
        SCOPED_TRACE(std::string(to_string(kind)) +
                     (format == ErrorFormat::html ? " html " : " json ") + i18n::code(lang));
        EXPECT_EQ(r.status, http_status_for(kind));
        EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
        EXPECT_EQ(r.body.find("/var/lib"), std::string::npos);
        EXPECT_EQ(r.body.find("Xapian"), std::string::npos);
        EXPECT_EQ(r.header("cache-control"), "no-store");
        EXPECT_EQ(r.header("retry-after").has_value(), kind == ErrorKind::unavailable);
        // Every kind has its own title and text in both languages (not the key itself).
        EXPECT_FALSE(pub.title.starts_with("error.")) << pub.title;
        EXPECT_FALSE(pub.detail.starts_with("error.")) << pub.detail;
        if (format == ErrorFormat::html) {
          EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
          EXPECT_EQ(r.body, echo_page(pub));
        } else {
          EXPECT_EQ(r.header("content-type"), "application/problem+json");
          const auto j = nlohmann::json::parse(r.body);
          EXPECT_EQ(j["type"], "about:blank");
          EXPECT_EQ(j["status"], http_status_for(kind));
          EXPECT_EQ(j["code"], to_string(kind));
          EXPECT_EQ(j["detail"], pub.detail);
          EXPECT_EQ(j["instance"], "/x?q=1");
          EXPECT_FALSE(j["title"].get<std::string>().empty());
        }
      }
    }
  }
}

TEST(ErrorBoundary, ThePublicMessageIsATranslationKeyShownInTheVisitorsLanguage) {
  const Error error{ErrorKind::invalid_input, "query of 9000 bytes", "search.notice.too_long"};
  EXPECT_EQ(public_error(error, i18n::Lang::pl).detail,
            "Zapytanie jest za długie. Skróć je do kilku słów.");
  EXPECT_EQ(public_error(error, i18n::Lang::en).detail,
            "The query is too long. Shorten it to a few words.");
  EXPECT_EQ(public_error(error, i18n::Lang::en).title, "Bad request");
  EXPECT_EQ(public_error({ErrorKind::not_found, "no row"}, i18n::Lang::pl).title,
            "Nie znaleziono strony");
}

}  // namespace
}  // namespace bdp::web
