#include "search/text_folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace bdp::search {
namespace {

// Calls f(code point) for each code point; invalid sequences arrive as U+FFFD.
template <class F>
void for_each_code_point(std::string_view text, F f) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    f(c < 0 ? 0xFFFD : c);
  }
}

// Letters that canonical decomposition leaves whole; Polish ł is the one that matters.
UChar32 fold_undecomposable(UChar32 c) {
  switch (c) {
    case 0x0142:
      return 'l';  // ł
    case 0x0141:
      return 'L';  // Ł
    case 0x0111:
      return 'd';  // đ
    case 0x0110:
      return 'D';  // Đ
    case 0x00F8:
      return 'o';  // ø
    case 0x00D8:
      return 'O';  // Ø
    case 0x0131:
      return 'i';  // dotless ı
    default:
      return c;
  }
}

// The Polish letters, lower case (text is case-folded first) and upper case.
char polish_base_letter(UChar32 c) {
  switch (c) {
    case 0x0105:
      return 'a';  // ą
    case 0x0107:
      return 'c';  // ć
    case 0x0119:
      return 'e';  // ę
    case 0x0142:
      return 'l';  // ł
    case 0x0144:
      return 'n';  // ń
    case 0x00F3:
      return 'o';  // ó
    case 0x015B:
      return 's';  // ś
    case 0x017A:   // ź
    case 0x017C:   // ż
      return 'z';
    case 0x0104:
      return 'A';
    case 0x0106:
      return 'C';
    case 0x0118:
      return 'E';
    case 0x0141:
      return 'L';
    case 0x0143:
      return 'N';
    case 0x00D3:
      return 'O';
    case 0x015A:
      return 'S';
    case 0x0179:  // Ź
    case 0x017B:  // Ż
      return 'Z';
    default:
      return 0;
  }
}

const icu::Normalizer2* nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? instance : nullptr;
}

}  // namespace

std::string normalize(std::string_view text) {
  std::string cleaned;
  cleaned.reserve(text.size());
  bool ascii = true;
  for_each_code_point(text, [&](UChar32 c) {
    if (u_iscntrl(c) || c == 0x2028 || c == 0x2029) c = ' ';
    if (c >= 0x80) ascii = false;
    append_utf8(cleaned, c);
  });
  if (ascii) return cleaned;  // ASCII is always NFC
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return cleaned;
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(cleaned);
  if (nfc->isNormalized(input, status) && U_SUCCESS(status)) return cleaned;
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(input, status);
  if (U_FAILURE(status)) return cleaned;
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](UChar32 c) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    } else {
      append_utf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
  });
  return out;
}

std::string fold_diacritics(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const icu::Normalizer2* decomposer = nfd();
  for_each_code_point(text, [&](UChar32 c) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      return;
    }
    if (char base = polish_base_letter(c)) {  // the common case, without ICU
      out.push_back(base);
      return;
    }
    c = fold_undecomposable(c);
    if (c == 0x00DF) {  // ß has no single-letter base
      out += "ss";
      return;
    }
    icu::UnicodeString decomposition;
    if (decomposer != nullptr && decomposer->getDecomposition(c, decomposition)) {
      for (int32_t i = 0; i < decomposition.length();) {
        UChar32 part = decomposition.char32At(i);
        i += U16_LENGTH(part);
        if (u_getCombiningClass(part) == 0 && u_charType(part) != U_NON_SPACING_MARK) {
          append_utf8(out, fold_undecomposable(part));
        }
      }
      return;
    }
    append_utf8(out, c);
  });
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

std::string fold(std::string_view text) {
  return fold_diacritics(fold_case(text));
}

std::string title_case(std::string_view lower_word) {
  std::string out;
  bool first = true;
  for_each_code_point(lower_word, [&](UChar32 c) {
    append_utf8(out, first ? u_toupper(c) : c);
    first = false;
  });
  return out;
}

}  // namespace bdp::search
