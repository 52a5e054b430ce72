#include "legacy/markdown_text.h"

namespace bdp::legacy {

std::string markdown_line(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const bool ordered_item =
      digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool leading = i == 0 && (c == '#' || c == '-' || c == '+' || c == '>' || c == '=');
    const bool marker = ordered_item && i == digits;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
        out += '\\';
        break;
      default:
        if (leading || marker) out += '\\';
        break;
    }
    out += c;
  }
  return out;
}

}  // namespace bdp::legacy
