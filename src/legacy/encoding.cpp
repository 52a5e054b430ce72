#include "legacy/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "legacy/plain_text.h"

namespace bdp::legacy {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

bool has_non_ascii(std::string_view bytes) {
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

constexpr std::string_view kUtf8 = "UTF-8", kCp1250 = "windows-1250", kLatin2 = "ISO-8859-2";

// One of the three encodings the old portal used, by any of its usual names; "" for another.
std::string_view known_encoding(std::string_view name) {
  const std::string folded = fold(name);
  if (folded == "utf-8" || folded == "utf8") return kUtf8;
  if (folded == "windows-1250" || folded == "cp1250" || folded == "x-cp1250") return kCp1250;
  if (folded == "iso-8859-2" || folded == "iso8859-2" || folded == "iso_8859-2" ||
      folded == "latin2" || folded == "l2") {
    return kLatin2;
  }
  return {};
}

bool is_polish_letter(char32_t c) {
  return std::u32string_view(U"ąćęłńóśźżĄĆĘŁŃÓŚŹŻ").find(c) != std::u32string_view::npos;
}

// What a decoded text holds: its Polish letters and the first implausible character.
struct Reading {
  int polish_letters = 0;
  std::optional<char32_t> implausible;  // U+FFFD or a character no Polish page has
  std::size_t implausible_at = 0;       // its position, in characters
};

Reading read(std::string_view utf8) {
  Reading reading;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int64_t>(utf8.size());
  std::size_t position = 0;
  for (int64_t i = 0; i < length; ++position) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    const char32_t ch = c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    if (is_polish_letter(ch)) ++reading.polish_letters;
    if (!reading.implausible && !plausible_in_polish_text(ch)) {
      reading.implausible = ch;
      reading.implausible_at = position;
    }
  }
  return reading;
}

std::string code_point(char32_t c) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
  return text;
}

Result<std::string> convert(std::string_view bytes, std::string_view encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> from(
      ucnv_open(std::string(encoding).c_str(), &status));
  if (U_FAILURE(status))
    return fail(ErrorKind::internal, "ICU has no " + std::string(encoding) + " converter");
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
                "cannot convert from " + std::string(encoding) + ": " + u_errorName(status));
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
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

bool plausible_in_polish_text(char32_t c) {
  if (c == U'\t' || c == U'\n' || c == U'\r') return true;
  if (c >= 0x20 && c <= 0x7E) return true;
  if (c >= 0xA0 && c <= 0x17F) return true;     // Latin-1 Supplement, Latin Extended-A
  if (c >= 0x2000 && c <= 0x206F) return true;  // General Punctuation
  return c == 0x2C7 || c == 0x2D8 || c == 0x2D9 || c == 0x2DB || c == 0x2DD || c == 0x20AC ||
         c == 0x2122;
}

namespace {

// A candidate decoding: the text and what it holds.
struct Candidate {
  std::string_view encoding;
  std::string utf8;
  Reading reading;
};

Result<Candidate> decode(std::string_view bytes, std::string_view encoding) {
  Candidate candidate{encoding, {}, {}};
  if (encoding == kUtf8) {
    candidate.utf8 = std::string(bytes);
  } else {
    auto converted = convert(bytes, encoding);
    if (!converted) return std::unexpected(converted.error());
    candidate.utf8 = std::move(*converted);
  }
  candidate.reading = read(candidate.utf8);
  return candidate;
}

Decoded chosen(Candidate candidate, std::string reason, std::vector<std::string> notes) {
  return Decoded{std::move(candidate.utf8), std::string(candidate.encoding), std::move(reason),
                 std::move(notes)};
}

Error garbled(const Candidate& candidate, const std::string& reason) {
  const char32_t c = *candidate.reading.implausible;
  return Error{ErrorKind::invalid_input,
               "read as " + std::string(candidate.encoding) + " (" + reason + "), the text holds " +
                   code_point(c) + " at character " +
                   std::to_string(candidate.reading.implausible_at + 1) +
                   ", which no page of the old portal has: the page is in none of UTF-8, "
                   "windows-1250, ISO-8859-2, or damaged; not imported"};
}

}  // namespace

Result<Decoded> to_utf8(std::string_view bytes, std::string_view declared) {
  std::vector<std::string> notes;
  const bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);
  const bool valid = is_valid_utf8(bytes);
  const bool ascii = !has_non_ascii(bytes);
  const std::string_view named = known_encoding(declared);
  if (!declared.empty() && named.empty()) {
    notes.push_back("declared charset '" + std::string(declared) +
                    "' is none of UTF-8, windows-1250, ISO-8859-2 (the old portal's); decided "
                    "by the bytes");
  }

  std::string reason;
  std::string_view encoding;
  if (bom || (valid && !ascii)) {
    encoding = kUtf8;
    reason = bom ? "UTF-8 byte order mark" : "valid UTF-8";
    if (!named.empty() && named != kUtf8) {
      notes.push_back("declared charset '" + std::string(declared) +
                      "' but the bytes are UTF-8; read as UTF-8");
    }
  } else if (ascii) {
    encoding = kUtf8;
    reason = "ASCII only";
  } else if (named == kCp1250 || named == kLatin2) {
    auto candidate = decode(bytes, named);
    if (!candidate) return std::unexpected(candidate.error());
    if (!candidate->reading.implausible) {
      return chosen(std::move(*candidate), "declared charset " + std::string(declared), notes);
    }
    notes.push_back("declared charset '" + std::string(declared) +
                    "' does not decode the bytes cleanly; decided by the bytes");
  } else if (named == kUtf8) {
    notes.push_back("declared charset '" + std::string(declared) +
                    "' but the bytes are not UTF-8; decided by the bytes");
  }
  if (!encoding.empty()) {
    auto candidate = decode(bytes, encoding);
    if (!candidate) return std::unexpected(candidate.error());
    if (candidate->reading.implausible) return std::unexpected(garbled(*candidate, reason));
    return chosen(std::move(*candidate), reason, notes);
  }

  // Single-byte Polish: the two tables differ on ą ś ź Ą Ś Ź and on 0x80–0x9F (punctuation in
  // Windows-1250, control characters in ISO-8859-2).
  auto cp1250 = decode(bytes, kCp1250);
  if (!cp1250) return std::unexpected(cp1250.error());
  auto latin2 = decode(bytes, kLatin2);
  if (!latin2) return std::unexpected(latin2.error());
  const bool cp1250_clean = !cp1250->reading.implausible;
  const bool latin2_clean = !latin2->reading.implausible;
  const std::string counts =
      "windows-1250 explains " + std::to_string(cp1250->reading.polish_letters) +
      " Polish letters, ISO-8859-2 " + std::to_string(latin2->reading.polish_letters);
  if (cp1250_clean && latin2_clean && cp1250->utf8 == latin2->utf8) {
    return chosen(std::move(*cp1250),
                  "reads the same in windows-1250 and ISO-8859-2 (no ą, ś, ź): windows-1250",
                  notes);
  }
  if (latin2_clean &&
      (!cp1250_clean || latin2->reading.polish_letters > cp1250->reading.polish_letters)) {
    return chosen(std::move(*latin2),
                  cp1250_clean ? counts : "not windows-1250 (control characters); " + counts,
                  notes);
  }
  if (cp1250_clean) {
    return chosen(std::move(*cp1250),
                  latin2_clean ? counts : "not ISO-8859-2 (control characters); " + counts, notes);
  }
  return std::unexpected(garbled(*cp1250, "neither windows-1250 nor ISO-8859-2 decodes it"));
}

}  // namespace bdp::legacy
