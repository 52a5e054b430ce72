#include "http/content_coding.h"

#include <array>

#include "http/ascii.h"

namespace bdp::http {
namespace {

// True when the parameters of one Accept-Encoding element (";q=0.5") give a quality above zero.
// A malformed q-value counts as zero (RFC 9110 allows at most three decimals, all-zero is zero).
bool positive_quality(std::string_view params) {
  while (!params.empty()) {
    const std::size_t semi = params.find(';');
    const std::string_view param = trim_ows(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() < 2 || lower_ascii(param[0]) != 'q' || param[1] != '=') continue;
    const std::string_view value = trim_ows(param.substr(2));
    if (value.empty() || (value[0] != '0' && value[0] != '1')) return false;
    for (char c : value.substr(1)) {
      if (c != '.' && (c < '0' || c > '9')) return false;
      if (c >= '1' && c <= '9') return true;
    }
    return value[0] == '1';
  }
  return true;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  bool gzip_listed = false, gzip_ok = false, star_ok = false;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view element = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    const std::size_t semi = element.find(';');
    const std::string_view coding = trim_ows(element.substr(0, semi));
    const std::string_view params =
        semi == std::string_view::npos ? std::string_view() : element.substr(semi + 1);
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      gzip_listed = true;
      gzip_ok = gzip_ok || positive_quality(params);
    } else if (coding == "*") {
      star_ok = positive_quality(params);
    }
  }
  return gzip_listed ? gzip_ok : star_ok;
}

bool is_compressible(std::string_view content_type) {
  const std::string_view media = trim_ows(content_type.substr(0, content_type.find(';')));
  if (istarts_with(media, "text/")) return true;
  constexpr std::array<std::string_view, 3> kTypes = {"application/json", "application/javascript",
                                                      "image/svg+xml"};
  for (std::string_view t : kTypes) {
    if (iequals(media, t)) return true;
  }
  return false;
}

}  // namespace bdp::http
