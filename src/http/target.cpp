#include "http/target.h"

#include "http/ascii.h"
#include "http/utf8.h"

namespace bdp::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status decode_utf8(std::string_view text, DecodeMode mode, std::string& out, const char* what) {
  const std::size_t start = out.size();
  if (auto s = percent_decode(text, mode, out); !s) return s;
  if (!is_valid_utf8(std::string_view(out).substr(start))) {
    return fail(ErrorKind::invalid_input, std::string(what) + " is not valid UTF-8");
  }
  return {};
}

// The origin-form part of an absolute-form target ("http://host:8080/a?b" → "/a?b"), which
// HTTP/1.1 servers must accept (RFC 9112 §3.2.2); other targets are returned unchanged.
std::string_view origin_form(std::string_view target) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (istarts_with(target, scheme)) {
      const std::size_t slash = target.find_first_of("/?", scheme.size());
      if (slash == std::string_view::npos) return "/";
      if (target[slash] == '?') return {};  // "http://host?q" has no path: not a valid target
      return target.substr(slash);
    }
  }
  return target;
}

}  // namespace

Status percent_decode(std::string_view text, DecodeMode mode, std::string& out) {
  out.reserve(out.size() + text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_value(text[i + 2]) : -1;
      if (lo < 0) return fail(ErrorKind::invalid_input, "bad percent-escape in request target");
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && mode == DecodeMode::query) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return {};
}

Status parse_query(std::string_view query, std::multimap<std::string, std::string>& out) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view piece = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    std::string key, value;
    if (auto s = decode_utf8(piece.substr(0, eq), DecodeMode::query, key, "query"); !s) return s;
    if (eq != std::string_view::npos) {
      if (auto s = decode_utf8(piece.substr(eq + 1), DecodeMode::query, value, "query"); !s) {
        return s;
      }
    }
    out.emplace(std::move(key), std::move(value));
  }
  return {};
}

Status parse_target(std::string_view target, std::string& path,
                    std::multimap<std::string, std::string>& query) {
  path.clear();
  query.clear();
  target = origin_form(target);
  if (target.empty() || target.front() != '/') {
    return fail(ErrorKind::invalid_input, "request target must start with '/'");
  }
  const std::size_t qmark = target.find('?');
  if (auto s = decode_utf8(target.substr(0, qmark), DecodeMode::path, path, "path"); !s) return s;
  if (path.find('\0') != std::string::npos) {
    return fail(ErrorKind::invalid_input, "path contains a NUL byte");
  }
  if (qmark == std::string_view::npos) return {};
  return parse_query(target.substr(qmark + 1), query);
}

}  // namespace bdp::http
