#include "http/content_disposition.h"

#include <iterator>

namespace bdp::http {
namespace {

// attr-char of RFC 8187: letters, digits and !#$&+-.^_`|~ go as they are.
bool attr_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// The name with Polish letters without their diacritics ("ł" → "l"); every other non-ASCII,
// control, quote or backslash character becomes "_".
std::string ascii_fallback(std::string_view name) {
  static const std::string_view kFrom[] = {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż",
                                           "Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż"};
  static const char kTo[] = "acelnoszzACELNOSZZ";
  std::string result;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      result += (c < 0x20 || c == 0x7f || c == '"' || c == '\\') ? '_' : static_cast<char>(c);
      ++i;
      continue;
    }
    bool mapped = false;
    for (std::size_t k = 0; k < std::size(kFrom); ++k) {
      if (name.substr(i).starts_with(kFrom[k])) {
        result += kTo[k];
        i += kFrom[k].size();
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    result += '_';
    for (++i; i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80;) ++i;
  }
  return result;
}

}  // namespace

std::string content_disposition(bool shown_inline, std::string_view file_name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : file_name) {
    if (attr_char(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return std::string(shown_inline ? "inline" : "attachment") + "; filename=\"" +
         ascii_fallback(file_name) + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace bdp::http
