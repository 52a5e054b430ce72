#include "legacy/plain_text.h"

#include <unicode/unistr.h>

namespace bdp::legacy {
namespace {

constexpr std::string_view nbsp = "\xC2\xA0";

// Length of the white space starting at text[i] (0 when none): ASCII white space or NBSP,
// which old pages use freely between label and value.
std::size_t space_at(std::string_view text, std::size_t i) {
  switch (text[i]) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\f':
    case '\v':
      return 1;
    default:
      break;
  }
  return text.substr(i, nbsp.size()) == nbsp ? nbsp.size() : 0;
}

}  // namespace

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t n = space_at(text, begin);
    if (n == 0) break;
    begin += n;
  }
  std::size_t end = text.size();
  while (end > begin) {
    if (space_at(text, end - 1) == 1) {
      --end;
    } else if (end - begin >= nbsp.size() && text.substr(end - nbsp.size(), nbsp.size()) == nbsp) {
      end -= nbsp.size();
    } else {
      break;
    }
  }
  return text.substr(begin, end - begin);
}

std::string collapse_spaces(std::string_view text) {
  text = trim(text);
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = space_at(text, i);
    if (n > 0) {
      in_space = true;
      i += n;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += text[i++];
  }
  return out;
}

std::string fold(std::string_view text) {
  const std::string collapsed = collapse_spaces(text);
  bool ascii = true;
  for (const char c : collapsed) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {  // the common case, without a round trip through UTF-16
    out = collapsed;
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString::fromUTF8(collapsed).foldCase().toUTF8String(out);
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  return fold(text).starts_with(fold(prefix));
}

}  // namespace bdp::legacy
