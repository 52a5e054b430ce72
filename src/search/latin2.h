// Conversion between UTF-8 and ISO-8859-2, the encoding of hunspell-pl's dictionary files.
// Internal to the search module. Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bdp::search {

// nullopt when the text has a character ISO-8859-2 cannot represent.
std::optional<std::string> utf8_to_latin2(std::string_view utf8);
std::string latin2_to_utf8(std::string_view latin2);

}  // namespace bdp::search
