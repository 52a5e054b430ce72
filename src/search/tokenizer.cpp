#include "search/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace bdp::search {
namespace {

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  // The code point at `at` and the offset after it; U+FFFD for invalid bytes.
  UChar32 peek(std::size_t at, std::size_t* next) const {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
    *next = static_cast<std::size_t>(i);
    return c < 0 ? 0xFFFD : c;
  }
};

bool is_word_char(UChar32 c) {
  return u_isalnum(c) || u_getCombiningClass(c) != 0;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::size_t digits_from(std::string_view text, std::size_t at) {
  std::size_t n = 0;
  while (at + n < text.size() && is_digit(text[at + n])) ++n;
  return n;
}

// Length of a postal code NN-NNN starting at `at` (not inside a longer digit run), or 0.
std::size_t postal_code_at(std::string_view text, std::size_t at) {
  if (digits_from(text, at) != 2 || at + 2 >= text.size() || text[at + 2] != '-') return 0;
  if (digits_from(text, at + 3) != 3) return 0;
  std::size_t end = at + 6;
  if (end < text.size()) {
    const auto byte = static_cast<unsigned char>(text[end]);
    if (byte >= 0x80 || u_isalnum(byte)) return 0;  // part of a longer word
  }
  return 6;
}

// Length of a number starting at `at`: digits, with '.' or ',' allowed between digits.
std::size_t number_at(std::string_view text, std::size_t at) {
  std::size_t end = at + digits_from(text, at);
  while (end + 1 < text.size() && (text[end] == '.' || text[end] == ',') &&
         is_digit(text[end + 1])) {
    end += 1 + digits_from(text, end + 1);
  }
  return end - at;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Cursor cursor{text};
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t next = 0;
    UChar32 c = cursor.peek(pos, &next);
    if (!is_word_char(c)) {
      pos = next;
      continue;
    }
    const std::size_t begin = pos;
    if (is_digit(text[pos])) {
      if (std::size_t code = postal_code_at(text, pos)) {
        tokens.push_back({begin, begin + code, true});
        pos = begin + code;
        continue;
      }
      std::size_t number = number_at(text, pos);
      std::size_t after = begin + number;
      std::size_t after_next = 0;
      if (after >= text.size() || !is_word_char(cursor.peek(after, &after_next))) {
        tokens.push_back({begin, after, true});
        pos = after;
        continue;
      }
    }
    // A word: letters and digits mixed ("A4", "2b").
    while (pos < text.size()) {
      c = cursor.peek(pos, &next);
      if (!is_word_char(c)) break;
      pos = next;
    }
    tokens.push_back({begin, pos, false});
  }
  return tokens;
}

}  // namespace bdp::search
