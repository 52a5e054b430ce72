#include "store/link_validate.h"

#include <algorithm>

#include "store/validate.h"

namespace bdp {
namespace {

constexpr std::size_t kMaxUrlBytes = 2000;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 2000;
constexpr std::size_t kMaxCategoryBytes = 100;
constexpr std::size_t kMaxErrorBytes = 200;

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

// One line of UTF-8 text (a name, a category).
bool is_line(std::string_view text, std::size_t max_bytes) {
  return text.size() <= max_bytes && is_utf8(text) && std::ranges::none_of(text, is_control);
}

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

bool is_host_char(char c) {
  return is_ascii_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

// "host", "host:port", "[v6]" or "[v6]:port".
bool is_authority(std::string_view authority) {
  std::string_view host = authority, port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    const auto inside = authority.substr(1, close - 1);
    if (!std::ranges::all_of(inside, [](char c) {
          return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
                 c == ':' || c == '.';
        })) {
      return false;
    }
    const auto rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return false;
    port = rest.empty() ? rest : rest.substr(1);
    if (rest.starts_with(':') && port.empty()) return false;
  } else {
    const auto colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
      port = authority.substr(colon + 1);
      if (port.empty()) return false;
    }
    if (host.empty() || host.front() == '.' || host.front() == '-' ||
        !std::ranges::all_of(host, is_host_char)) {
      return false;
    }
  }
  return port.size() <= 5 && std::ranges::all_of(port, [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with_scheme(std::string_view url, std::string_view scheme) {
  if (url.size() < scheme.size()) return false;
  return std::equal(scheme.begin(), scheme.end(), url.begin(), [](char want, char got) {
    return want == (got >= 'A' && got <= 'Z' ? static_cast<char>(got - 'A' + 'a') : got);
  });
}

std::unexpected<Error> invalid(std::string message) {
  return fail(ErrorKind::invalid_input, std::move(message));
}

}  // namespace

bool is_link_url(std::string_view url) {
  if (url.size() > kMaxUrlBytes) return false;
  if (!std::ranges::all_of(url, [](char c) { return c > ' ' && c < 0x7f; })) return false;
  std::string_view rest;
  if (starts_with_scheme(url, "https://")) {
    rest = url.substr(8);
  } else if (starts_with_scheme(url, "http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  const auto authority = rest.substr(0, rest.find_first_of("/?#"));
  return is_authority(authority);
}

std::optional<LinkProblem> find_link_problem(const Link& link) {
  if (link.name.find_first_not_of(" \t") == std::string::npos ||
      !is_line(link.name, kMaxNameBytes)) {
    return LinkProblem::name;
  }
  if (!is_link_url(link.url)) return LinkProblem::url;
  if (link.description.size() > kMaxDescriptionBytes || !is_utf8(link.description) ||
      std::ranges::any_of(link.description, [](char c) {
        return is_control(c) && c != '\n' && c != '\r' && c != '\t';
      })) {
    return LinkProblem::description;
  }
  if (link.language.size() < 2 || link.language.size() > 3 ||
      !std::ranges::all_of(link.language, is_ascii_lower)) {
    return LinkProblem::language;
  }
  if (!is_line(link.category, kMaxCategoryBytes)) return LinkProblem::category;
  if (link.position < 0) return LinkProblem::position;
  if (link.last_status < 0 || link.last_status > 999 || link.checked_at < 0 ||
      link.last_error.size() > kMaxErrorBytes ||
      !std::ranges::all_of(link.last_error, [](char c) { return c >= ' ' && c < 0x7f; })) {
    return LinkProblem::check;
  }
  return std::nullopt;
}

Status validate_link(const Link& link) {
  const auto problem = find_link_problem(link);
  if (!problem) return {};
  switch (*problem) {
    case LinkProblem::name:
      return invalid("the link's name is empty, over 200 bytes or holds control characters");
    case LinkProblem::url:
      return invalid("the link's address '" + printable_check_error(link.url) +
                     "' is not an http:// or https:// address");
    case LinkProblem::description:
      return invalid("the link's description is over 2000 bytes or holds control characters");
    case LinkProblem::language:
      return invalid("the link's language '" + printable_check_error(link.language) +
                     "' is not a code of 2-3 lowercase letters (pl, en)");
    case LinkProblem::category:
      return invalid("the link's category is over 100 bytes or holds control characters");
    case LinkProblem::position:
      return invalid("the link's position is negative");
    case LinkProblem::check:
      return invalid("the link's check result is out of range");
  }
  return invalid("the link is invalid");
}

std::string printable_check_error(std::string_view error) {
  std::string out(error.substr(0, kMaxErrorBytes));
  for (char& c : out) {
    if (c < ' ' || c >= 0x7f) c = '?';
  }
  return out;
}

}  // namespace bdp
