// Splits normalised text (see text_folding.h) into word and number tokens with their byte
// ranges, so callers can both index them and highlight them in the original text.
// A word is a run of letters and digits; hyphenated words split ("miejsko-wiejska" is two).
// Numbers keep inner separators between digits ("40.333", "2,5") and a postal code NN-NNN is
// one token ("63-100"). Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace bdp::search {

struct Token {
  std::size_t begin = 0;  // byte offset in the text
  std::size_t end = 0;    // one past the last byte
  bool numeric = false;   // digits only (with inner separators), or a postal code
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace bdp::search
