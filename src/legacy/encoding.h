// Character encodings of old pages: the old portal's pages are UTF-8, Windows-1250 or ISO-8859-2,
// and nothing else; which one is decided and the text converted to UTF-8 with ICU. Pure
// functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bdp::legacy {

struct Decoded {
  std::string utf8;
  std::string encoding;            // "UTF-8", "windows-1250" or "ISO-8859-2"
  std::string reason;              // why: "declared charset windows-1250", "valid UTF-8", ...
  std::vector<std::string> notes;  // e.g. a declared charset that the bytes contradict
};

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// The charset an HTML page declares in its first 4 KiB (<meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lower case; "" when none.
std::string declared_charset(std::string_view html);

// `bytes` as UTF-8. Decided in this order: a UTF-8 byte order mark; the `declared` charset when
// it is one of the three and the bytes decode cleanly in it (bytes that are valid UTF-8 with
// non-ASCII in them are UTF-8 whatever the page declares: single-byte Polish text never is);
// valid UTF-8; otherwise Windows-1250 or ISO-8859-2, whichever decodes cleanly and explains more
// Polish letters (a text whose only non-ASCII letters are ł, ó, ż reads the same in both: then
// Windows-1250). Errors (invalid_input, naming the encoding tried and the first offending
// character): the text holds U+FFFD or a character outside plausible_in_polish_text.
Result<Decoded> to_utf8(std::string_view bytes, std::string_view declared = {});

// True for what a page of the old portal can hold: tab, line breaks and printable ASCII, Latin-1
// Supplement, Latin Extended-A, General Punctuation, and the other printable characters of
// Windows-1250 and ISO-8859-2 (the accents ˇ ˘ ˙ ˛ ˝, € and ™).
bool plausible_in_polish_text(char32_t c);

}  // namespace bdp::legacy
