#include "legacy/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "legacy/plain_text.h"

namespace bdp::legacy {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool has_non_ascii(std::string_view bytes) {
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Windows-1250 and ISO-8859-2 differ exactly on the Polish letters ą ś ź Ą Ś Ź: count which
// table explains the high bytes better. ICU's detector often cannot tell them apart.
std::string polish_single_byte(std::string_view bytes) {
  int cp1250 = 0, latin2 = 0;
  for (const char ch : bytes) {
    switch (static_cast<unsigned char>(ch)) {
      case 0xB9:
      case 0x9C:
      case 0x9F:
      case 0xA5:
      case 0x8C:
      case 0x8F:
        ++cp1250;
        break;
      case 0xB1:
      case 0xB6:
      case 0xBC:
      case 0xA1:
      case 0xA6:
      case 0xAC:
        ++latin2;
        break;
      default:
        break;
    }
  }
  return latin2 > cp1250 ? "ISO-8859-2" : "windows-1250";
}

std::string detected(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return polish_single_byte(bytes);
  const auto length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(detector.get(), bytes.data(), length, &status);
  ucsdet_enableInputFilter(detector.get(), true);  // ignore markup when guessing
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return polish_single_byte(bytes);
  std::string name = ucsdet_getName(match, &status);
  if (U_FAILURE(status)) return polish_single_byte(bytes);
  // The Central and Western European single-byte family: Polish pages are one of two.
  if (name.starts_with("ISO-8859") || name.starts_with("windows-125")) {
    return polish_single_byte(bytes);
  }
  return name;
}

Result<std::string> convert(std::string_view bytes, const std::string& encoding, bool& lossy) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) {
    return fail(ErrorKind::invalid_input, "unknown character encoding '" + encoding + "'");
  }
  std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return fail(ErrorKind::internal, "ICU has no UTF-8 converter");
  std::string out(bytes.size() * 3 + 16, '\0');
  const char* source = bytes.data();
  char* target = out.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) {
    return fail(ErrorKind::invalid_input,
                "cannot convert from " + encoding + ": " + u_errorName(status));
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  lossy = out.find("\xEF\xBF\xBD") != std::string::npos;
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string declared_charset(std::string_view html) {
  std::string head(html.substr(0, 4096));
  for (char& c : head) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
  };
  std::size_t at = 0;
  while ((at = head.find("charset", at)) != std::string::npos) {
    at += 7;
    std::size_t i = at;
    while (i < head.size() && head[i] == ' ') ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < head.size() && is_name_char(head[end])) ++end;
    if (end > i) return head.substr(i, end - i);
  }
  return {};
}

Result<Decoded> to_utf8(std::string_view bytes, std::string_view declared) {
  Decoded out;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const bool valid = is_valid_utf8(bytes);
  const bool declared_utf8 = fold(declared) == "utf-8" || fold(declared) == "utf8";
  if (valid && (has_non_ascii(bytes) || declared.empty() || declared_utf8)) {
    out.utf8 = std::string(bytes);
    out.encoding = "UTF-8";
    if (!declared.empty() && !declared_utf8) {
      out.notes.push_back("declared charset '" + std::string(declared) +
                          "' but the bytes are UTF-8; read as UTF-8");
    }
    return out;
  }
  std::string encoding;
  if (!declared.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(declared);
    std::unique_ptr<UConverter, ConverterCloser> probe(ucnv_open(name.c_str(), &status));
    if (U_SUCCESS(status)) {
      encoding = ucnv_getName(probe.get(), &status);
      // A page declaring ISO-8859-1 or UTF-8 with Polish single-byte letters in it.
      if (declared_utf8 || encoding.starts_with("ISO-8859-1") ||
          encoding.find("1252") != std::string::npos) {
        out.notes.push_back("declared charset '" + name + "' contradicts the bytes");
        encoding.clear();
      }
    } else {
      out.notes.push_back("unknown declared charset '" + name + "'");
    }
  }
  if (encoding.empty()) encoding = valid ? "UTF-8" : detected(bytes);
  bool lossy = false;
  auto converted = convert(bytes, encoding, lossy);
  if (!converted) return std::unexpected(converted.error());
  if (lossy) out.notes.push_back("some bytes are not " + encoding + " and were replaced by U+FFFD");
  out.utf8 = std::move(*converted);
  out.encoding = encoding;
  return out;
}

}  // namespace bdp::legacy
