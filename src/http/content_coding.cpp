#include "http/content_coding.h"

#include <algorithm>
#include <array>

#include "http/ascii.h"

namespace bdp::http {
namespace {

// The q-value of one Accept-Encoding element's parameters (";q=0.5") in thousandths, 1000 when
// absent. A malformed q-value counts as zero (RFC 9110: "0" or "1" and at most three decimals).
int quality(std::string_view params) {
  while (!params.empty()) {
    const std::size_t semi = params.find(';');
    const std::string_view param = trim_ows(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() < 2 || lower_ascii(param[0]) != 'q' || param[1] != '=') continue;
    const std::string_view value = trim_ows(param.substr(2));
    if (value.empty() || (value[0] != '0' && value[0] != '1')) return 0;
    const int whole = value[0] == '1' ? 1000 : 0;
    if (value.size() == 1) return whole;
    if (value[1] != '.' || value.size() > 5) return 0;
    int thousandths = 0, scale = 100;
    for (char c : value.substr(2)) {
      if (c < '0' || c > '9') return 0;
      thousandths += (c - '0') * scale;
      scale /= 10;
    }
    return whole == 1000 ? (thousandths == 0 ? 1000 : 0) : thousandths;
  }
  return 1000;
}

}  // namespace

std::string_view content_encoding_name(Coding coding) {
  switch (coding) {
    case Coding::gzip:
      return "gzip";
    case Coding::br:
      return "br";
    case Coding::identity:
      return "";
  }
  return "";
}

AcceptedCodings parse_accept_encoding(std::optional<std::string_view> accept_encoding) {
  AcceptedCodings out;
  if (!accept_encoding) return out;
  std::optional<int> br, gzip, identity, star;
  std::string_view rest = *accept_encoding;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view element = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t semi = element.find(';');
    const std::string_view coding = trim_ows(element.substr(0, semi));
    const int q =
        quality(semi == std::string_view::npos ? std::string_view() : element.substr(semi + 1));
    // A coding listed twice keeps its best quality.
    const auto keep = [q](std::optional<int>& slot) { slot = std::max(slot.value_or(0), q); };
    if (iequals(coding, "br")) keep(br);
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) keep(gzip);
    if (iequals(coding, "identity")) keep(identity);
    if (coding == "*") keep(star);
  }
  out.br = br.value_or(star.value_or(0));
  out.gzip = gzip.value_or(star.value_or(0));
  // Identity not named is acceptable but least wanted: "br;q=0.5" still asks for Brotli.
  out.identity = identity.value_or(star.value_or(1));
  return out;
}

Coding choose_coding(const AcceptedCodings& accepted, bool br_available, bool gzip_available) {
  Coding best = Coding::identity;
  int best_q = accepted.identity;
  if (gzip_available && accepted.gzip > 0 && accepted.gzip >= best_q) {
    best = Coding::gzip;
    best_q = accepted.gzip;
  }
  if (br_available && accepted.br > 0 && accepted.br >= best_q) best = Coding::br;
  return best;
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
