#include "search/latin2.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <unordered_map>

#include "search/text_folding.h"

namespace bdp::search {
namespace {

// The 256 code points of ISO-8859-2, decoded once with ICU's converter; a table lookup per
// character is far cheaper than opening a converter per word.
struct Latin2Table {
  std::array<UChar32, 256> to_unicode{};
  std::unordered_map<UChar32, char> from_unicode;

  Latin2Table() {
    for (int b = 0; b < 256; ++b) {
      const char byte = static_cast<char>(b);
      icu::UnicodeString decoded(&byte, 1, "ISO-8859-2");
      to_unicode[static_cast<std::size_t>(b)] = decoded.length() > 0 ? decoded.char32At(0) : 0xFFFD;
      from_unicode.emplace(to_unicode[static_cast<std::size_t>(b)], byte);
    }
  }
};

const Latin2Table& table() {
  static const Latin2Table instance;
  return instance;
}

}  // namespace

std::optional<std::string> utf8_to_latin2(std::string_view utf8) {
  const auto& t = table();
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0x80 && c >= 0) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    auto it = t.from_unicode.find(c);
    if (c < 0 || it == t.from_unicode.end()) return std::nullopt;
    out.push_back(it->second);
  }
  return out;
}

std::string latin2_to_utf8(std::string_view latin2) {
  const auto& t = table();
  std::string out;
  out.reserve(latin2.size() + latin2.size() / 4);
  for (char byte : latin2) {
    append_utf8(out, static_cast<char32_t>(t.to_unicode[static_cast<unsigned char>(byte)]));
  }
  return out;
}

}  // namespace bdp::search
