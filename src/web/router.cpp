#include "web/router.h"

namespace bdp::web::detail {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  if (!out.empty() && out.back().empty() && out.size() > 1) out.pop_back();  // trailing slash
  return out;
}

bool match_segments(const std::vector<std::string>& pattern,
                    const std::vector<std::string>& segments, Params& params) {
  if (pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segments[i].empty()) return false;
      params[p.substr(1, p.size() - 2)] = segments[i];
    } else if (p != segments[i]) {
      return false;
    }
  }
  return true;
}

const char* method_name(http::Method m) {
  switch (m) {
    case http::Method::get:
      return "GET";
    case http::Method::head:
      return "HEAD";
    case http::Method::post:
      return "POST";
    case http::Method::put:
      return "PUT";
    case http::Method::del:
      return "DELETE";
    case http::Method::options:
      return "OPTIONS";
    case http::Method::other:
      return "OTHER";
  }
  return "OTHER";
}

}  // namespace bdp::web::detail
