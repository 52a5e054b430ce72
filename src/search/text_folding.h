// Text normalisation shared by indexing and querying, so that both sides fold the same way.
// normalize: Unicode NFC, control characters become spaces, invalid UTF-8 becomes U+FFFD.
// fold_case: Unicode simple case folding ("Śrem" -> "śrem").
// fold_diacritics: strips combining marks after canonical decomposition and folds the letters
// decomposition does not split (ł/Ł -> l/L, đ, ø, ß...), so "współpraca" -> "wspolpraca".
// All functions are pure and thread-safe; inputs are UTF-8, outputs UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace bdp::search {

std::string normalize(std::string_view text);
std::string fold_case(std::string_view text);
std::string fold_diacritics(std::string_view text);
// fold_diacritics(fold_case(text)): the form every surface term is indexed and looked up under.
std::string fold(std::string_view text);
// Appends code point c as UTF-8 (nothing for an invalid code point).
void append_utf8(std::string& out, char32_t c);
// The first letter upper-cased, the rest unchanged ("śremie" -> "Śremie").
std::string title_case(std::string_view lower_word);

}  // namespace bdp::search
