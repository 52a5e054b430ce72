#include "http/etag.h"

#include "http/ascii.h"

namespace bdp::http {
namespace {

std::string_view opaque_tag(std::string_view etag) {
  etag = trim_ows(etag);
  return etag.starts_with("W/") ? etag.substr(2) : etag;
}

}  // namespace

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
  const std::string_view wanted = opaque_tag(etag);
  if (wanted.empty()) return false;
  std::string_view rest = trim_ows(if_none_match);
  if (rest == "*") return true;
  while (!rest.empty()) {
    if (rest.starts_with("W/")) rest.remove_prefix(2);
    if (rest.empty() || rest.front() != '"') return false;
    const std::size_t close = rest.find('"', 1);
    if (close == std::string_view::npos) return false;
    if (rest.substr(0, close + 1) == wanted) return true;
    rest = trim_ows(rest.substr(close + 1));
    if (rest.empty()) break;
    if (rest.front() != ',') return false;
    rest = trim_ows(rest.substr(1));
  }
  return false;
}

std::string weak_etag(std::string_view etag) {
  etag = trim_ows(etag);
  if (etag.starts_with("W/")) return std::string(etag);
  std::string weak = "W/";
  weak.append(etag);
  return weak;
}

}  // namespace bdp::http
