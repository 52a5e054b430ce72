#include "opendata/api_query.h"

#include <charconv>
#include <regex>

#include "core/url.h"
#include "opendata/practice_record.h"

namespace bdp::opendata {
namespace {

std::unexpected<Error> bad(const std::string& name) {
  return fail(ErrorKind::invalid_input, "bad API parameter " + name, "api.bad_parameter");
}

std::optional<std::int64_t> number(const std::string& text) {
  std::int64_t n = 0;
  const auto* end = text.data() + text.size();
  auto [at, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || at != end || n < 0) return std::nullopt;
  return n;
}

// The store's timestamp form of a date or a UTC time; nullopt for anything else.
std::optional<std::string> timestamp(const std::string& text) {
  static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  static const std::regex time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  if (std::regex_match(text, date)) return text + "T00:00:00Z";
  if (std::regex_match(text, time)) return text;
  return std::nullopt;
}

}  // namespace

Result<PublishedQuery> api_query(const std::multimap<std::string, std::string>& parameters) {
  PublishedQuery q;
  q.limit = kDefaultApiPage;
  for (const auto& [name, value] : parameters) {
    if (name == "cursor") {
      auto id = number(value);
      if (!id) return bad(name);
      q.after_id = *id;
    } else if (name == "limit") {
      auto n = number(value);
      if (!n || *n < 1 || *n > kMaxApiPage) return bad(name);
      q.limit = static_cast<int>(*n);
    } else if (name == "modified_since") {
      auto t = timestamp(value);
      if (!t) return bad(name);
      q.modified_since = *t;
    } else if (name == "section") {
      auto id = number(value);
      if (!id || *id == 0) return bad(name);
      q.section_id = *id;
    } else if (name == "voivodeship") {
      q.voivodeship = value;
    } else if (name == "unit_type") {
      q.unit_type = value;
    }
  }
  return q;
}

std::string next_page_url(const std::string& base_url, const std::string& path,
                          const std::multimap<std::string, std::string>& parameters,
                          std::int64_t last_id) {
  std::string url = trim_base_url(base_url) + path + "?";
  for (const auto& [name, value] : parameters) {
    if (name == "cursor") continue;
    url += percent_encode(name) + "=" + percent_encode(value) + "&";
  }
  return url + "cursor=" + std::to_string(last_id);
}

}  // namespace bdp::opendata
