#include "mail/mime_encoding.h"

#include <algorithm>
#include <cstdint>

namespace bdp::mail {
namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kHex = "0123456789ABCDEF";
// 45 bytes are 60 base64 characters: with "=?UTF-8?B?" and "?=" a word of 72 (at most 75).
constexpr std::size_t kWordBytes = 45;
constexpr std::size_t kLineChars = 76;

std::string base64(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = 0;
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t k = 0; k < 3; ++k) {
      group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kBase64[(group >> (18 - 6 * k)) & 0x3f] : '=';
    }
  }
  return out;
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}

bool plain_header_text(std::string_view text) {
  return text.find("=?") == std::string_view::npos &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; });
}

// One line (without its end) as quoted-printable, soft-broken to kLineChars.
void encode_line(std::string_view line, std::string& out) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
    const std::size_t width = literal ? 1 : 3;
    // Leave room for the "=" of a soft break, unless this is the line's last character.
    if (column + width > kLineChars - (last ? 0 : 1)) {
      out += "=\r\n";
      column = 0;
    }
    if (literal) {
      out += static_cast<char>(c);
    } else {
      out += '=';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
    column += width;
  }
}

}  // namespace

std::string encode_header_text(std::string_view utf8) {
  if (plain_header_text(utf8)) return std::string(utf8);
  std::string out;
  while (!utf8.empty()) {
    std::size_t take = std::min(kWordBytes, utf8.size());
    while (take < utf8.size() && take > 0 && is_continuation(utf8[take])) --take;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(utf8.substr(0, take)) + "?=";
    utf8.remove_prefix(take);
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    auto line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    encode_line(line, out);
    if (end == std::string_view::npos) break;
    out += "\r\n";
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace bdp::mail
