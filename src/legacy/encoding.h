// Character encodings of old pages: UTF-8, Windows-1250 and ISO-8859-2 (and whatever else ICU
// knows), detected and converted to UTF-8 with ICU. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bdp::legacy {

struct Decoded {
  std::string utf8;
  std::string encoding;            // ICU name of the source encoding: "UTF-8", "windows-1250", ...
  std::vector<std::string> notes;  // e.g. a declared charset that the bytes contradict
};

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// The charset an HTML page declares in its first 4 KiB (<meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lower case; "" when none.
std::string declared_charset(std::string_view html);

// `bytes` as UTF-8. Order: a BOM; well-formed UTF-8 with non-ASCII bytes (old pages often
// declare the wrong charset; single-byte Polish text is never valid UTF-8); the `declared`
// charset when ICU knows it; otherwise ICU's detector, refined between Windows-1250 and
// ISO-8859-2 by Polish letter frequencies. Undecodable bytes become U+FFFD and a note.
// Error (invalid_input) only when ICU cannot open a converter for any guess.
Result<Decoded> to_utf8(std::string_view bytes, std::string_view declared = {});

}  // namespace bdp::legacy
